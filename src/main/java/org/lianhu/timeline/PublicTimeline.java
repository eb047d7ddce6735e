package org.lianhu.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Staff;
import org.springframework.stereotype.Component;

/**
 * The part of a timeline a reporter or a party may read: public entries only, each actor shown as
 * the unit that acted (和平里第一网格) or as 联户长, never as a person's account.
 */
@Component
public class PublicTimeline {

  /** The actor of steps the system takes by itself (timers, routing). */
  public static final String SYSTEM = "system";

  /** The actor of steps the reporter takes (rating). */
  public static final String REPORTER = "reporter";

  /** One public step. */
  public record Step(Instant at, String actor, String action, String remark) {}

  private final OrganisationDirectory directory;

  public PublicTimeline(OrganisationDirectory directory) {
    this.directory = directory;
  }

  public List<Step> of(List<TimelineEntry> entries) {
    Map<String, Staff> staff =
        directory.staff().stream().collect(Collectors.toMap(Staff::userId, Function.identity()));
    return entries.stream()
        .filter(entry -> Boolean.TRUE.equals(entry.publicEntry()))
        .map(
            entry ->
                new Step(
                    entry.occurredAt(),
                    actorName(entry.actor(), staff),
                    entry.action(),
                    entry.remark()))
        .toList();
  }

  private String actorName(String actor, Map<String, Staff> staff) {
    if (SYSTEM.equals(actor)) {
      return "系统";
    }
    if (REPORTER.equals(actor)) {
      return "上报人";
    }
    Staff person = staff.get(actor);
    if (person != null) {
      return directory.groupName(person.groupId());
    }
    return directory.headOf(actor).isPresent() ? "联户长" : "工作人员";
  }
}
