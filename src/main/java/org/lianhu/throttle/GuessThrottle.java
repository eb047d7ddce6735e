package org.lianhu.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.lianhu.calendar.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows the guessing of tracking codes: after {@link TrackingSettings#maxWrongCodesPerCase} wrong
 * codes for one case, or {@link TrackingSettings#maxWrongCodesPerClient} from one client address,
 * within one {@link TrackingSettings#window}, further tries are refused until the window ends. The
 * counts live in the database, so every node of a cluster refuses alike, and a failure is counted
 * in its own transaction, which the refused request's rollback does not undo.
 */
@Service
@EnableConfigurationProperties(TrackingSettings.class)
public class GuessThrottle {

  private static final Logger log = LoggerFactory.getLogger(GuessThrottle.class);

  /** Too many wrong codes: refused until {@link #retryAfter}. */
  public static class TooManyGuesses extends RuntimeException {
    private final Duration retryAfter;

    TooManyGuesses(Duration retryAfter) {
      super("too many wrong codes; retry after " + retryAfter.toSeconds() + " s");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  private final GuessMapper guesses;
  private final TransactionTemplate ownTransaction;
  private final Duration window;
  private final int perSubject;
  private final int perClient;

  public GuessThrottle(
      GuessMapper guesses, PlatformTransactionManager transactions, TrackingSettings settings) {
    this.guesses = guesses;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.window = settings.window();
    this.perSubject = settings.maxWrongCodesPerCase();
    this.perClient = settings.maxWrongCodesPerClient();
  }

  /**
   * Runs a lookup by code for {@code subject} (a case or dispute number) from {@code client}:
   * refused when either has had too many wrong codes; a wrong code ({@code wrongCode} says which
   * failures are) is counted against both.
   */
  public <T> T guarded(
      String subject, String client, Supplier<T> lookup, Predicate<RuntimeException> wrongCode) {
    Instant now = EngineClock.now();
    refuseIfOver("subject:" + subject, perSubject, now);
    refuseIfOver("client:" + client, perClient, now);
    try {
      return lookup.get();
    } catch (RuntimeException e) {
      if (wrongCode.test(e)) {
        count(subject, client, now);
      }
      throw e;
    }
  }

  private void refuseIfOver(String scope, int limit, Instant now) {
    Integer failures = guesses.failuresSince(scope(scope), now.minus(window));
    if (failures != null && failures >= limit) {
      Instant started = guesses.windowStart(scope(scope));
      Instant ends = (started == null ? now : started).plus(window);
      throw new TooManyGuesses(Duration.between(now, ends).plusSeconds(1));
    }
  }

  /**
   * Counts the failure in its own transaction, which the refused request's rollback does not undo.
   * A database that cannot count it now (a lock conflict after retries) costs one uncounted guess,
   * never the caller's answer.
   */
  private void count(String subject, String client, Instant now) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        ownTransaction.executeWithoutResult(
            status -> {
              guesses.countFailure(scope("subject:" + subject), now, now.minus(window));
              guesses.countFailure(scope("client:" + client), now, now.minus(window));
            });
        return;
      } catch (ConcurrencyFailureException e) {
        if (attempt == 3) {
          log.warn("A wrong tracking code for {} was not counted: {}", subject, e.getMessage());
        }
      }
    }
  }

  /** Scopes fit the column; an absurdly long case number or address is cut, never refused here. */
  private static String scope(String scope) {
    return scope.length() <= 120 ? scope : scope.substring(0, 120);
  }
}
