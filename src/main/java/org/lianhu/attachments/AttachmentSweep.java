package org.lianhu.attachments;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link Attachments#sweep} every hour (10 minutes after start first). Every node may run it:
 * a waiting upload is deleted by the one whose delete removes its row.
 */
@Configuration
@EnableScheduling
class AttachmentSweep {

  private static final Logger LOG = LoggerFactory.getLogger(AttachmentSweep.class);
  private final Attachments attachments;

  AttachmentSweep(Attachments attachments) {
    this.attachments = attachments;
  }

  @Scheduled(
      initialDelayString = "${lianhu.attachments.sweep-delay:PT10M}",
      fixedDelayString = "${lianhu.attachments.sweep-interval:PT1H}")
  void sweep() {
    try {
      int removed = attachments.sweep();
      if (removed > 0) {
        LOG.info("attachment sweep removed {} waiting uploads and unnamed files", removed);
      }
    } catch (RuntimeException failed) {
      LOG.warn("attachment sweep failed; the next run tries again", failed);
    }
  }
}
