package org.lianhu.cases;

import java.time.Instant;

/** Writes a case row directly, for mapper tests that need one without running intake. */
public final class NewCaseFixture {

  private NewCaseFixture() {}

  public static long insert(CaseMapper cases, String description, Instant createdAt) {
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
    draft.createdAt = createdAt;
    cases.insert(draft);
    return draft.id();
  }
}
