package org.lianhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once delivery on the MySQL-compatible server, with delivery killed mid-way: a worker that
 * dies before sending leaves its claimed messages to the next worker once their lease ends, so
 * every message arrives once; one that dies after the mail server took a message but before it was
 * marked leaves that one message to go again, with the same Message-ID (so the mailbox keeps one);
 * two workers at once never send the same message twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class OutboxMySqlIT {

  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  /** What a killed process looks like to the code it was running: nothing after it runs. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash");
    }
  }

  /** The real e-mail delivery, killed at the {@code at}-th message: before or after sending it. */
  record CrashingMail(Delivery mail, int at, boolean afterSending) implements Delivery {
    @Override
    public Channel channel() {
      return Channel.EMAIL;
    }

    @Override
    public void deliver(List<Notification> batch, Outcome done) {
      if (!afterSending) {
        mail.deliver(batch.subList(0, at - 1), done);
        throw new SimulatedCrash();
      }
      int[] count = {0};
      mail.deliver(
          batch,
          new Outcome() {
            @Override
            public void sent(Notification n) {
              if (++count[0] == at) {
                throw new SimulatedCrash();
              }
              done.sent(n);
            }

            @Override
            public void failed(Notification n, Exception error) {
              done.failed(n, error);
            }
          });
    }
  }

  @Autowired Outbox outbox;
  @Autowired NotificationSettings settings;
  @Autowired MailDelivery mail;
  @Autowired OutboxWorker worker;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Queues n e-mails of a run of its own, after delivering what other tests left due. */
  private String queue(int n) {
    worker.deliverDue();
    String run = "it" + System.nanoTime();
    List<Recipient> people =
        IntStream.rangeClosed(1, n)
            .mapToObj(
                i ->
                    Recipient.staff(
                        run + "u" + i, "收件人" + i, run + "-" + i + "@example.org", null, "EMAIL"))
            .toList();
    tx.executeWithoutResult(
        status -> outbox.tell(NoticeEvent.CASE_CLOSED, null, run, people, Map.of("caseNo", run)));
    return run;
  }

  private List<MimeMessage> received(String run) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> recipients(m).contains(run))
        .toList();
  }

  private static String recipients(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private OutboxWorker workerWith(Delivery delivery) {
    return new OutboxWorker(outbox, settings, List.of(delivery));
  }

  private void afterTheLease() {
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(settings.lease()).plusSeconds(1)));
  }

  /** The run's e-mails in that status (its inbox messages are delivered by their commit). */
  private long status(String run, NoticeStatus status) {
    return jdbc.queryForObject(
        "select count(*) from notification where case_no = ? and channel = 'EMAIL' and status = ?",
        Long.class,
        run,
        status.name());
  }

  @Test
  void killedBeforeSendingLosesNothingAndSendsNothingTwice() {
    String run = queue(30);
    assertThatThrownBy(workerWith(new CrashingMail(mail, 13, false))::deliverDue)
        .isInstanceOf(SimulatedCrash.class);
    assertThat(received(run)).hasSize(12);
    assertThat(status(run, NoticeStatus.SENT)).isEqualTo(12);
    assertThat(status(run, NoticeStatus.SENDING)).isEqualTo(18);

    // The claims of the dead worker hold until their lease ends; then the next worker sends the
    // rest.
    worker.deliverDue();
    assertThat(received(run)).hasSize(12);
    afterTheLease();
    worker.deliverDue();
    List<MimeMessage> all = received(run);
    assertThat(all).hasSize(30);
    assertThat(all.stream().map(OutboxMySqlIT::recipients).distinct()).hasSize(30);
    assertThat(status(run, NoticeStatus.SENT)).isEqualTo(30);
  }

  @Test
  void killedBetweenTheMailServerAndTheMarkSendsThatOneAgainWithItsOwnMessageId() {
    String run = queue(30);
    assertThatThrownBy(workerWith(new CrashingMail(mail, 13, true))::deliverDue)
        .isInstanceOf(SimulatedCrash.class);
    assertThat(received(run)).hasSize(13);
    assertThat(status(run, NoticeStatus.SENT)).isEqualTo(12);

    afterTheLease();
    worker.deliverDue();
    List<MimeMessage> all = received(run);
    assertThat(all).hasSize(31);
    assertThat(all.stream().map(OutboxMySqlIT::messageId).distinct())
        .as("one Message-ID per notification: the mailbox keeps one of the two")
        .hasSize(30);
    assertThat(all.stream().map(OutboxMySqlIT::recipients).distinct()).hasSize(30);
    assertThat(status(run, NoticeStatus.SENT)).isEqualTo(30);
  }

  @Test
  void twoWorkersAtOnceSendEachMessageOnce() throws Exception {
    String run = queue(200);
    OutboxWorker other = workerWith(mail);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      runs.add(pool.submit(worker::deliverDue));
      runs.add(pool.submit(other::deliverDue));
      int delivered = 0;
      for (Future<Integer> r : runs) {
        delivered += r.get();
      }
      assertThat(delivered).isEqualTo(200);
    } finally {
      pool.shutdown();
    }
    List<MimeMessage> all = received(run);
    assertThat(all).hasSize(200);
    assertThat(all.stream().map(OutboxMySqlIT::messageId).distinct()).hasSize(200);
    assertThat(status(run, NoticeStatus.SENT)).isEqualTo(200);
  }
}
