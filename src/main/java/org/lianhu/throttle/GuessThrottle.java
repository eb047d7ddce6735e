package org.lianhu.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.lianhu.calendar.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows the guessing of tracking codes: after {@code lianhu.tracking.max-wrong-codes-per-case} wrong codes
 * for one case, or {@code ...-per-client} from one client address, within {@code lianhu.tracking.window},
 * further tries are refused until the window ends. The counts live in the database, so every node of a
 * cluster refuses alike, and a failure is counted in its own transaction, which the refused request's
 * rollback does not undo.
 */
@Service
public class GuessThrottle {

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

  public GuessThrottle(GuessMapper guesses, PlatformTransactionManager transactions,
      @Value("${lianhu.tracking.window:PT15M}") Duration window,
      @Value("${lianhu.tracking.max-wrong-codes-per-case:10}") int perSubject,
      @Value("${lianhu.tracking.max-wrong-codes-per-client:50}") int perClient) {
    this.guesses = guesses;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.window = window;
    this.perSubject = perSubject;
    this.perClient = perClient;
  }

  /**
   * Runs a lookup by code for {@code subject} (a case or dispute number) from {@code client}: refused when
   * either has had too many wrong codes; a wrong code ({@code wrongCode} says which failures are) is
   * counted against both.
   */
  public <T> T guarded(String subject, String client, Supplier<T> lookup, Predicate<RuntimeException> wrongCode) {
    Instant now = EngineClock.now();
    refuseIfOver("subject:" + subject, perSubject, now);
    refuseIfOver("client:" + client, perClient, now);
    try {
      return lookup.get();
    } catch (RuntimeException e) {
      if (wrongCode.test(e)) {
        ownTransaction.executeWithoutResult(status -> {
          count("subject:" + subject, now);
          count("client:" + client, now);
        });
      }
      throw e;
    }
  }

  private void refuseIfOver(String scope, int limit, Instant now) {
    Integer failures = guesses.failuresSince(scope(scope), now.minus(window));
    if (failures != null && failures >= limit) {
      Instant ends = guesses.windowStart(scope(scope)).plus(window);
      throw new TooManyGuesses(Duration.between(now, ends).plusSeconds(1));
    }
  }

  private void count(String scope, Instant now) {
    String key = scope(scope);
    if (guesses.countInWindow(key, now.minus(window)) > 0 || guesses.startWindow(key, now) > 0) {
      return;
    }
    try {
      guesses.insertWindow(key, now);
    } catch (DuplicateKeyException raced) {
      // Another request of the same scope inserted it a moment ago: count in its window.
      guesses.countInWindow(key, now.minus(window));
    }
  }

  /** Scopes fit the column; an absurdly long case number or address is cut, never refused here. */
  private static String scope(String scope) {
    return scope.length() <= 120 ? scope : scope.substring(0, 120);
  }
}
