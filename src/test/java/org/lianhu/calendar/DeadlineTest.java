package org.lianhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  @Test
  void theReminderComesAtTheConfiguredShareOfTheTimeLimit() {
    Instant start = Instant.parse("2026-11-25T00:00:00Z");
    Deadline deadline = Deadline.between(start, start.plus(Duration.ofHours(24)), 0.75);
    assertThat(deadline.warnAt()).isEqualTo(start.plus(Duration.ofHours(18)));
    assertThat(deadline.due()).isEqualTo(start.plus(Duration.ofHours(24)));
    assertThat(deadline.dueDate().toInstant()).isEqualTo(deadline.due());
  }
}
