package org.lianhu.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lianhu.support.MapperTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code DisputeMapper.xml} against a real database; run on H2 ({@link DisputeMapperTest}) and
 * MariaDB ({@link DisputeMapperMySqlIT}).
 */
@MapperTest
abstract class DisputeMapperContract {

  private static final Instant CREATED = Instant.parse("2026-11-25T03:04:05Z");

  @Autowired DisputeMapper disputes;

  @Test
  void aDisputeRoundTripsWithItsPartiesInTheirOrder() {
    long id = insert("邻里噪音纠纷 🎵 with 'quotes'");
    disputes.assignNumber(id, DisputeNumbers.of(2026, id));
    disputes.insertParty(new Party(null, id, PartyRole.applicant.name(), "张三", "13800000001"));
    disputes.insertParty(new Party(null, id, PartyRole.respondent.name(), "李四", "13800000002"));

    Dispute dispute = disputes.findByNo(DisputeNumbers.of(2026, id));
    assertThat(dispute.id()).isEqualTo(id);
    assertThat(dispute.description()).isEqualTo("邻里噪音纠纷 🎵 with 'quotes'");
    assertThat(dispute.createdAt()).isEqualTo(CREATED);
    assertThat(dispute.status()).isEqualTo(DisputeStatus.MEDIATING.name());
    assertThat(dispute.tier()).isOne();
    assertThat(disputes.parties(id)).extracting(Party::name).containsExactly("张三", "李四");
  }

  @Test
  void eachStepWritesTheStatusAndTierItIsGiven() {
    long id = insert("宅基地边界纠纷");

    disputes.moveToTier(id, 2);
    assertThat(disputes.findById(id).tier()).isEqualTo(2);
    disputes.recordAgreement(id, DisputeStatus.AGREED, 2, "双方各退一米", CREATED.plusSeconds(60));
    Dispute agreed = disputes.findById(id);
    assertThat(agreed.status()).isEqualTo(DisputeStatus.AGREED.name());
    assertThat(agreed.reachedTier()).isEqualTo(2);
    assertThat(agreed.agreementTerms()).isEqualTo("双方各退一米");

    disputes.reopen(id, DisputeStatus.MEDIATING, 2);
    assertThat(disputes.findById(id).status()).isEqualTo(DisputeStatus.MEDIATING.name());
    disputes.close(id, DisputeStatus.GUIDED, CREATED.plusSeconds(120));
    assertThat(disputes.findById(id).status()).isEqualTo(DisputeStatus.GUIDED.name());
    assertThat(disputes.findById(id).closedAt()).isEqualTo(CREATED.plusSeconds(120));
  }

  @Test
  void theTimelineKeepsItsOrderAndWhatIsInternal() {
    long id = insert("劳务费纠纷");
    disputes.appendTimeline(id, new TimelineEntry(null, id, CREATED, "system", "纠纷登记", null, true));
    disputes.appendTimeline(
        id, new TimelineEntry(null, id, CREATED.plusSeconds(1), "tiaojie", "调解情况", "双方分歧大", false));

    assertThat(disputes.timeline(id))
        .extracting(TimelineEntry::action)
        .containsExactly("纠纷登记", "调解情况");
    assertThat(disputes.timeline(id).get(1).publicEntry()).isFalse();
  }

  private long insert(String description) {
    NewDispute draft = new NewDispute();
    draft.trackingCode = "TESTCODE";
    draft.disputeType = DisputeType.neighbour.name();
    draft.description = description;
    draft.address = "和平里东街1号";
    draft.riskFlags = "";
    draft.status = DisputeStatus.MEDIATING.name();
    draft.createdAt = CREATED;
    disputes.insert(draft);
    return draft.id;
  }
}
