package org.lianhu.liaison;

import java.time.LocalDate;
import java.util.List;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.LiaisonHead;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The neighbourhood mutual-help activities a head organises (one a quarter): recorded by the head
 * on their page, counted by their quarterly evaluation. The one class that writes {@code
 * head_activity}.
 */
@Service
public class Activities {

  /** An activity as recorded. */
  public record Activity(
      long id,
      String unitCode,
      String headUserId,
      LocalDate heldOn,
      String title,
      int participants) {}

  /** What the head records. */
  public record NewActivity(LocalDate heldOn, String title, Integer participants) {}

  private final ActivityMapper activities;
  private final CountyClock clock;

  Activities(ActivityMapper activities, CountyClock clock) {
    this.activities = activities;
    this.clock = clock;
  }

  @Transactional
  public Activity record(LiaisonHead head, NewActivity body) {
    if (body == null || body.heldOn() == null) {
      throw Refusal.invalid("heldOn", "请填写活动日期");
    }
    if (body.heldOn().isAfter(clock.today())
        || body.heldOn().isBefore(clock.today().minusDays(92))) {
      throw Refusal.invalid("heldOn", "活动日期须在今天及之前的三个月内");
    }
    String title = body.title() == null ? "" : body.title().strip();
    if (title.isEmpty() || title.length() > 100) {
      throw Refusal.invalid("title", "请填写活动名称（不超过100字）");
    }
    if (body.participants() == null || body.participants() < 1 || body.participants() > 10000) {
      throw Refusal.invalid("participants", "参加人数须为1到10000");
    }
    Activity row =
        new Activity(0, head.unitCode(), head.userId(), body.heldOn(), title, body.participants());
    activities.insert(row, clock.now());
    return activities.ofHead(head.userId(), body.heldOn(), body.heldOn().plusDays(1)).stream()
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** A head's activities held in [from, to). */
  @Transactional(readOnly = true)
  public List<Activity> ofHead(String headUserId, LocalDate from, LocalDate to) {
    return activities.ofHead(headUserId, from, to);
  }
}
