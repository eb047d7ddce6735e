package org.lianhu.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (spring-boot-starter-mail; {@code spring.mail.host} and friends). A batch goes
 * over one connection. Each message carries a Message-ID made from its outbox id, the same on every
 * attempt, so a message sent again after a crash is the same message to the mailbox. Without a mail
 * server configured (the embedded default), messages are written to the log, address masked.
 */
@Component
class MailDelivery implements Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

  private final ObjectProvider<JavaMailSender> senders;
  private final NotificationSettings settings;

  MailDelivery(ObjectProvider<JavaMailSender> senders, NotificationSettings settings) {
    this.senders = senders;
    this.settings = settings;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void deliver(List<Notification> batch, Outcome done) {
    if (!(senders.getIfAvailable() instanceof JavaMailSenderImpl sender)) {
      for (Notification n : batch) {
        LOG.info("e-mail (no mail server configured) to {}: {}", masked(n.address()), n.subject());
        done.sent(n);
      }
      return;
    }
    Session session = sender.getSession();
    int next = 0;
    try (Transport transport = session.getTransport(sender.getProtocol())) {
      transport.connect(
          sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
      for (; next < batch.size(); next++) {
        Notification n = batch.get(next);
        MimeMessage message;
        try {
          message = message(session, n);
        } catch (MessagingException | IllegalArgumentException unsendable) {
          done.failed(n, unsendable);
          continue;
        }
        transport.sendMessage(message, message.getAllRecipients());
        done.sent(n);
      }
    } catch (MessagingException | RuntimeException failed) {
      // The connection or the server failed: this message and the rest wait for their next attempt.
      for (; next < batch.size(); next++) {
        done.failed(batch.get(next), failed);
      }
    }
  }

  MimeMessage message(Session session, Notification n) throws MessagingException {
    String id = "<notice-" + n.id() + "@" + host() + ">";
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
          }
        };
    message.setFrom(new InternetAddress(settings.mailFrom()));
    message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(n.address(), true));
    message.setSubject(n.subject(), StandardCharsets.UTF_8.name());
    message.setText(n.body(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(n.createdAt()));
    message.saveChanges();
    return message;
  }

  private String host() {
    try {
      String host = URI.create(settings.baseUrl()).getHost();
      return host == null ? "lianhu" : host;
    } catch (IllegalArgumentException notAUrl) {
      return "lianhu";
    }
  }

  static String masked(String address) {
    if (address == null) {
      return "";
    }
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
