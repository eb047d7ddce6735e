package org.lianhu.notifications;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox: right after a commit that queued messages, and every poll interval for
 * retries and for messages a stopped node had claimed (their lease runs out). A run's messages are
 * claimed together with a lease (committed); each is then delivered and marked sent in a commit of
 * its own, so a crash loses none, and the only message that can go twice is the one whose delivery
 * succeeded in the instant before the crash, with the same Message-ID (docs/notifications.md).
 * Every node runs a worker; a claim is a conditional update, so two never deliver the same message
 * at once.
 */
@Configuration
@EnableScheduling
public class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  private final Outbox outbox;
  private final NotificationSettings settings;
  private final Map<Channel, Delivery> deliveries = new EnumMap<>(Channel.class);
  private final AtomicBoolean running = new AtomicBoolean();
  // Many commits in a row wake the worker once: a wake-up already waiting covers them.
  private final AtomicBoolean wakeupWaiting = new AtomicBoolean();
  private final ExecutorService wakeups =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "outbox-worker");
            t.setDaemon(true);
            return t;
          });

  OutboxWorker(Outbox outbox, NotificationSettings settings, List<Delivery> deliveries) {
    this.outbox = outbox;
    this.settings = settings;
    deliveries.forEach(d -> this.deliveries.put(d.channel(), d));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void queued(Outbox.Queued queued) {
    if (settings.workerEnabled() && wakeupWaiting.compareAndSet(false, true)) {
      wakeups.execute(
          () -> {
            wakeupWaiting.set(false);
            deliverQuietly();
          });
    }
  }

  @PreDestroy
  void stop() {
    wakeups.shutdownNow();
  }

  @Scheduled(
      initialDelayString = "${lianhu.notifications.poll-interval:PT1S}",
      fixedDelayString = "${lianhu.notifications.poll-interval:PT1S}")
  void poll() {
    if (settings.workerEnabled()) {
      deliverQuietly();
    }
  }

  private void deliverQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException failed) {
      LOG.warn("outbox delivery failed; the next poll tries again", failed);
    }
  }

  /** Delivers every due message; the number delivered. One run at a time per node. */
  public int deliverDue() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    int delivered = 0;
    try {
      List<Long> due;
      while (!(due = outbox.due(settings.batchSize())).isEmpty()) {
        Map<Channel, List<Notification>> claimed = new EnumMap<>(Channel.class);
        for (Notification n : outbox.claim(due)) {
          claimed.computeIfAbsent(n.channelOf(), c -> new ArrayList<>()).add(n);
        }
        if (claimed.isEmpty()) {
          break; // another node holds them
        }
        int[] sent = {0};
        for (var entry : claimed.entrySet()) {
          deliveries
              .get(entry.getKey())
              .deliver(
                  entry.getValue(),
                  new Delivery.Outcome() {
                    @Override
                    public void sent(Notification n) {
                      outbox.sent(n);
                      sent[0]++;
                    }

                    @Override
                    public void failed(Notification n, Exception error) {
                      LOG.warn(
                          "notification {} ({}) not delivered: {}",
                          n.id(),
                          n.channel(),
                          error.toString());
                      outbox.failed(n, error.toString());
                    }
                  });
        }
        delivered += sent[0];
        if (sent[0] == 0) {
          break; // everything failed: wait for the backoff
        }
      }
    } finally {
      running.set(false);
    }
    return delivered;
  }
}
