package org.lianhu.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.calendar.Deadline;
import org.lianhu.calendar.DeadlineSettings;
import org.lianhu.calendar.WorkingCalendar;
import org.lianhu.engine.DecisionTables;
import org.springframework.stereotype.Component;

/**
 * Time limits from the DMN table {@code caseDeadlines} (category x urgency): the response limit in
 * calendar time, the handling limit in working days or, for emergencies, in hours.
 */
@Component
public class CaseDeadlines {

  public static final String DECISION = "caseDeadlines";

  private final DecisionTables decisionTables;
  private final WorkingCalendar calendar;
  private final double warningShare;

  private final CaseSettings caseSettings;

  public CaseDeadlines(
      DecisionTables decisionTables,
      WorkingCalendar calendar,
      DeadlineSettings settings,
      CaseSettings caseSettings) {
    this.decisionTables = decisionTables;
    this.calendar = calendar;
    this.warningShare = settings.warningShare();
    this.caseSettings = caseSettings;
  }

  public Deadline response(String category, String urgency, Instant from) {
    Map<String, Object> limits = evaluate(category, urgency);
    String limit = (String) limits.get("responseLimit");
    if (limit == null) {
      throw new IllegalStateException(
          "caseDeadlines gives no responseLimit for " + category + "/" + urgency);
    }
    return Deadline.between(from, from.plus(Duration.parse(limit)), warningShare);
  }

  public Deadline handling(String category, String urgency, Instant from) {
    Map<String, Object> limits = evaluate(category, urgency);
    Number hours = (Number) limits.get("handleHours");
    Number workingDays = (Number) limits.get("handleWorkingDays");
    Instant due;
    if (hours != null) {
      due = from.plus(Duration.ofHours(hours.longValue()));
    } else if (workingDays != null) {
      due = calendar.plusWorkingDays(from, workingDays.intValue());
    } else {
      throw new IllegalStateException(
          "caseDeadlines gives no handling limit for " + category + "/" + urgency);
    }
    return Deadline.between(from, due, warningShare);
  }

  /** The liaison head's limit for an in-unit case, in calendar time (联户长接单时限). */
  public Deadline head(String category, String urgency, Instant from) {
    String limit = (String) evaluate(category, urgency).get("headLimit");
    if (limit == null) {
      throw new IllegalStateException(
          "caseDeadlines gives no headLimit for " + category + "/" + urgency);
    }
    return Deadline.between(from, from.plus(Duration.parse(limit)), warningShare);
  }

  /** The community's deliberation meeting's limit for a case a head referred, in working days. */
  public Deadline council(String category, String urgency, Instant from) {
    Number workingDays = (Number) evaluate(category, urgency).get("councilWorkingDays");
    if (workingDays == null) {
      throw new IllegalStateException(
          "caseDeadlines gives no councilWorkingDays for " + category + "/" + urgency);
    }
    return Deadline.between(
        from, calendar.plusWorkingDays(from, workingDays.intValue()), warningShare);
  }

  /** An extended handling limit: the reminder falls at the same share of the time left. */
  public Deadline extended(Instant from, Instant newDue) {
    return Deadline.between(from, newDue, warningShare);
  }

  /**
   * The end of the time a handling office has to return a case it received at {@code received},
   * counted in office hours.
   */
  public Instant returnWindowEnd(Instant received) {
    return calendar.plusWorkingHours(received, caseSettings.returnWindow());
  }

  /** By when an office that received a case at {@code received} must first act on it. */
  public Instant officeResponse(Instant received) {
    return calendar.plusWorkingHours(received, caseSettings.officeResponseLimit());
  }

  /** The latest handling deadline an extension may ask for. */
  public Instant latestExtension(Instant currentDue, int workingDays) {
    return calendar.plusWorkingDays(currentDue, workingDays);
  }

  public boolean isWorkingDay(LocalDate day) {
    return calendar.isWorkingDay(day);
  }

  private Map<String, Object> evaluate(String category, String urgency) {
    Map<String, Object> inputs =
        Variables.createVariables().putValue("category", category).putValue("urgency", urgency);
    Map<String, Object> limits = decisionTables.evaluate(DECISION, inputs);
    if (limits == null) {
      throw new IllegalStateException(DECISION + " has no rule for " + category + "/" + urgency);
    }
    return limits;
  }
}
