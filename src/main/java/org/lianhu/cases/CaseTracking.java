package org.lianhu.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Staff;
import org.lianhu.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 进度查询: a reporter follows their case with its number and tracking code. */
@Service
public class CaseTracking {

  private final CaseMapper cases;
  private final OrganisationDirectory directory;

  public CaseTracking(CaseMapper cases, OrganisationDirectory directory) {
    this.cases = cases;
    this.directory = directory;
  }

  /** The case if the code matches; a wrong code and an unknown number answer alike, revealing nothing. */
  @Transactional(readOnly = true)
  public CaseRecord authorised(String caseNo, String trackingCode) {
    CaseRecord record = caseNo == null ? null : cases.findByNo(caseNo);
    if (record == null || !TrackingCodes.matches(record.trackingCode(), trackingCode)) {
      throw Problems.notFound("没有与该事件编号和查询码对应的事件");
    }
    return record;
  }

  @Transactional(readOnly = true)
  public CaseView view(String caseNo, String trackingCode) {
    CaseRecord record = authorised(caseNo, trackingCode);
    CaseCategory category = cases.category(record.category());
    Urgency urgency = Urgency.valueOf(record.urgency());
    Map<String, Staff> staff = directory.staff().stream()
        .collect(Collectors.toMap(Staff::userId, Function.identity()));
    List<CaseView.Step> steps = cases.timeline(record.id()).stream()
        .filter(entry -> Boolean.TRUE.equals(entry.publicEntry()))
        .map(entry -> new CaseView.Step(entry.occurredAt(), actorName(entry.actor(), staff), entry.action(),
            entry.remark()))
        .toList();
    Rating rating = record.rating() == null ? null : Rating.valueOf(record.rating());
    return new CaseView(record.caseNo(), record.category(), category == null ? record.category() : category.name(),
        record.description(), record.address(), urgency.name(), urgency.label(), record.status(),
        record.caseStatus().label(), Masking.name(record.reporterName()), Masking.phone(record.reporterPhone()),
        record.createdAt(), record.respondedAt(), record.resolvedAt(), record.closedAt(), record.result(),
        record.rejectReason(), rating == null ? null : rating.name(), rating == null ? null : rating.label(),
        record.caseStatus() == CaseStatus.AWAITING_RATING && rating == null, steps);
  }

  private String actorName(String actor, Map<String, Staff> staff) {
    if (CaseTimeline.SYSTEM.equals(actor)) {
      return "系统";
    }
    if (CaseTimeline.REPORTER.equals(actor)) {
      return "上报人";
    }
    Staff person = staff.get(actor);
    return person == null ? "工作人员" : directory.groupName(person.groupId());
  }
}
