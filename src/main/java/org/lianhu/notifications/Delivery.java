package org.lianhu.notifications;

import java.util.List;

/** Delivers the claimed messages of one channel, telling after each whether it went. */
interface Delivery {

  Channel channel();

  /** Delivers each in order; calls {@code done} right after each one's delivery. */
  void deliver(List<Notification> batch, Outcome done);

  interface Outcome {
    void sent(Notification n);

    void failed(Notification n, Exception error);
  }
}
