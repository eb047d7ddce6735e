package org.lianhu.cases;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** Writes a case row directly, for tests that need one without running intake. */
public final class NewCaseFixture {

  private NewCaseFixture() {}

  /** For tests outside this package, which cannot see the mapper. */
  public static long insert(ApplicationContext context, String description, Instant createdAt) {
    return insert(context.getBean(CaseMapper.class), description, createdAt);
  }

  static long insert(CaseMapper cases, String description, Instant createdAt) {
    return insert(cases, description, createdAt, null);
  }

  static long insert(CaseMapper cases, String description, Instant createdAt, String deviceId) {
    NewCase draft = new NewCase();
    draft.trackingCode = "TESTCODE";
    draft.category = "streetlight";
    draft.description = description;
    draft.address = "和平里东街1号";
    draft.urgency = "normal";
    draft.reporterName = "测试";
    draft.reporterPhone = "13800000000";
    draft.source = "resident";
    draft.status = CaseStatus.REPORTED.name();
    draft.deviceId = deviceId;
    draft.createdAt = createdAt;
    cases.insert(draft);
    return draft.id();
  }
}
