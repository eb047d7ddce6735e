package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.mediation.CaseHandOver;
import org.lianhu.mediation.Dispute;
import org.lianhu.mediation.DisputeIntake;
import org.lianhu.mediation.DisputeType;
import org.springframework.stereotype.Component;

/**
 * 转矛盾调解: a case that is a dispute becomes one. The dispute is registered with the reporter as
 * applicant and the same tracking code, its mediation starts, both are linked, and the hand-over is
 * the result the reporter is told and asked to rate.
 */
@Component("handOverToMediation")
public class HandOverToMediation implements JavaDelegate {

  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final DisputeIntake disputeIntake;

  public HandOverToMediation(Cases cases, CaseLifecycle lifecycle, DisputeIntake disputeIntake) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.disputeIntake = disputeIntake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    CaseRecord record = cases.byId(caseId);
    Dispute dispute =
        disputeIntake.fromCase(
            new CaseHandOver(
                record.id(),
                record.caseNo(),
                record.trackingCode(),
                record.description(),
                record.address(),
                record.latitude(),
                record.longitude(),
                record.liaisonUnitCode(),
                record.streetCode(),
                record.communityCode(),
                record.gridCode(),
                record.reporterName(),
                record.reporterPhone(),
                // A dispute the unit's head hands over lies between the unit's households.
                "mediate".equals(execution.getVariable(CaseVariables.HEAD_DECISION))
                    ? DisputeType.neighbour
                    : null));
    lifecycle.handedOver(caseId, dispute.id(), dispute.disputeNo());
    String result = "已转入矛盾纠纷三级调解，纠纷编号 " + dispute.disputeNo() + "，可凭原查询码查询调解进度";
    execution.setVariable(CaseVariables.HANDLE_RESULT, result);
  }
}
