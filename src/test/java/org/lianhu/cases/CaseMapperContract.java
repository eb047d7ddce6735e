package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lianhu.support.MapperTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code CaseMapper.xml} against a real database, without the engine or the web layer: the same
 * tests run on H2 ({@link CaseMapperTest}) and on the MySQL-compatible server ({@link
 * CaseMapperMySqlIT}). Each test writes its own rows inside a transaction that is rolled back.
 */
@MapperTest
abstract class CaseMapperContract {

  private static final Instant CREATED = Instant.parse("2026-11-25T03:04:05Z");

  @Autowired CaseMapper cases;

  @Test
  void aCaseRowRoundTripsWithItsTextVerbatimAndItsTimesToTheSecond() {
    long id = NewCaseFixture.insert(cases, "  多行\n描述 🚧 with 'quotes' and \\backslash  ", CREATED);
    cases.assignNumber(id, "2026-9" + String.format("%05d", id % 100000));

    CaseRecord record = cases.findById(id);
    assertThat(record.description()).isEqualTo("  多行\n描述 🚧 with 'quotes' and \\backslash  ");
    assertThat(record.createdAt()).isEqualTo(CREATED);
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(record.reopenCount()).isZero();
    assertThat(record.overdue()).isFalse();
    assertThat(cases.findByNo(record.caseNo()).id()).isEqualTo(id);
  }

  @Test
  void theTimelineKeepsItsOrderAndARatingIsTakenOnlyOnce() {
    long id = NewCaseFixture.insert(cases, "路灯不亮", CREATED);
    Instant at = Instant.parse("2026-11-25T01:00:00Z");
    cases.appendTimeline(new TimelineEntry(null, id, at, "system", "事件上报", null, true));
    cases.appendTimeline(new TimelineEntry(null, id, at, "wangli", "受理：转派职能部门", "转城管", true));
    cases.appendTimeline(
        new TimelineEntry(null, id, at.plusSeconds(60), "duchao", "督办意见", "加快", false));

    List<TimelineEntry> entries = cases.timeline(id);
    assertThat(entries)
        .extracting(TimelineEntry::action)
        .containsExactly("事件上报", "受理：转派职能部门", "督办意见");
    assertThat(entries.get(2).publicEntry()).isFalse();

    assertThat(cases.rate(id, CaseStatus.AWAITING_RATING, "satisfied", null))
        .as("not yet awaiting a rating")
        .isZero();
    cases.resolve(id, CaseStatus.AWAITING_RATING, "已处理", "resolved", at);
    assertThat(cases.rate(id, CaseStatus.AWAITING_RATING, "satisfied", null)).isOne();
    assertThat(cases.rate(id, CaseStatus.AWAITING_RATING, "unsatisfied", "replayed")).isZero();
    assertThat(cases.findById(id).rating()).isEqualTo("satisfied");
  }

  @Test
  void eachStepWritesTheStatusItIsGiven() {
    long id = NewCaseFixture.insert(cases, "井盖缺失", CREATED);
    Instant due = Instant.parse("2026-11-27T09:00:00Z");

    cases.recordDispatch(
        id, CaseStatus.DISPATCHED, "urban_mgmt", "supervision", "dongchengUrban", due);
    CaseRecord dispatched = cases.findById(id);
    assertThat(dispatched.caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(dispatched.handlerGroup()).isEqualTo("dongchengUrban");
    assertThat(dispatched.handleDue()).isEqualTo(due);

    cases.resolve(id, CaseStatus.AWAITING_RATING, "已更换", "partly", due);
    assertThat(cases.findById(id).outcome()).isEqualTo("partly");
    cases.rate(id, CaseStatus.AWAITING_RATING, "unsatisfied", "仍有缺口");
    cases.reopen(id, CaseStatus.DISPATCHED);
    CaseRecord reopened = cases.findById(id);
    assertThat(reopened.outcome()).as("a reopened case has no outcome yet").isNull();
    assertThat(reopened.caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(reopened.reopenCount()).isOne();
    assertThat(reopened.rating()).isNull();
    assertThat(reopened.resolvedAt()).isNull();

    cases.close(id, CaseStatus.CLOSED, due.plusSeconds(3600));
    assertThat(cases.findById(id).caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(cases.findById(id).closedAt()).isEqualTo(due.plusSeconds(3600));
  }

  @Test
  void openAndFinishedMeanWhatCaseStatusSays() {
    long open = NewCaseFixture.insert(cases, "路灯闪烁", CREATED);
    long rejected = NewCaseFixture.insert(cases, "重复上报", CREATED.plusSeconds(1));
    cases.reject(rejected, CaseStatus.REJECTED, "重复", CREATED.plusSeconds(2));
    Instant from = CREATED.minusSeconds(1);
    Instant to = CREATED.plusSeconds(10);

    assertThat(cases.findPublic("streetlight", from, to, false, CaseStatus.FINISHED, 0, 10))
        .extracting(CaseRecord::id)
        .containsExactly(open);
    assertThat(cases.findPublic("streetlight", from, to, true, CaseStatus.FINISHED, 0, 10))
        .extracting(CaseRecord::id)
        .containsExactly(rejected);
    assertThat(cases.findPublic("streetlight", from, to, null, CaseStatus.FINISHED, 0, 10))
        .extracting(CaseRecord::id)
        .containsExactly(rejected, open);
    assertThat(cases.findPublic("streetlight", from, to, null, CaseStatus.FINISHED, 1, 10))
        .as("the second page of one")
        .extracting(CaseRecord::id)
        .containsExactly(open);
  }

  @Test
  void aDeviceHasAnOpenCaseOnlyUntilItsCaseIsFinished() {
    long id = NewCaseFixture.insert(cases, "感知设备告警", CREATED, "WL-0042");

    assertThat(cases.openCaseOfDevice("WL-0042", CaseStatus.FINISHED)).isEqualTo(id);
    assertThat(cases.openCaseOfDevice("WL-0043", CaseStatus.FINISHED)).isNull();
    cases.close(id, CaseStatus.CLOSED, CREATED.plusSeconds(60));
    assertThat(cases.openCaseOfDevice("WL-0042", CaseStatus.FINISHED)).isNull();
  }
}
