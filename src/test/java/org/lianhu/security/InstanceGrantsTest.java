package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.Rating;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Instance READ follows the task holders: a hand-off takes it away, a closed case keeps none. */
@EngineTest
class InstanceGrantsTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "和平里东街12号";

  @Autowired private AuthorizationService authorizationService;

  private long grantsOn(String instanceId) {
    return authorizationService
        .createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(instanceId)
        .count();
  }

  private boolean reads(String user, String instanceId) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(group -> group.getId())
            .toList();
    return authorizationService.isUserAuthorized(
        user, groups, Permissions.READ, Resources.PROCESS_INSTANCE, instanceId);
  }

  @Test
  void aClosedCaseLeavesNoGrantOnItsInstance() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    String instance = instanceIdOf(receipt);
    assertThat(grantsOn(instance)).isPositive();
    assertThat(reads("wangli", instance)).isTrue();

    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    assertThat(reads("wangli", instance))
        .as("the grid worker, once the case went to the department")
        .isFalse();
    assertThat(reads("hanxue", instance)).isTrue();
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleResult", "已清运", "closureOutcome", "resolved"));
    rate(receipt, Rating.satisfied, null);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isZero();
    assertThat(grantsOn(instance)).isZero();
    assertThat(reads("hanxue", instance)).isFalse();
    List<String> tasks =
        processEngine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(instance)
            .list()
            .stream()
            .map(task -> task.getId())
            .toList();
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(2);
    for (String task : tasks) {
      assertThat(
              authorizationService
                  .createAuthorizationQuery()
                  .resourceType(Resources.TASK)
                  .resourceId(task)
                  .count())
          .as("grants on the closed case's task " + task)
          .isZero();
    }
  }

  @Test
  void aHandOffTakesTheOldHoldersReadAwayAndGivesItToTheNewOne() {
    CaseReceipt receipt = reportCase("road_damage", "normal", HEPINGLI);
    String instance = instanceIdOf(receipt);
    fireTimer(receipt, "responseOverdueTimer");

    completeAs(
        "sunli",
        openTask(receipt, "superviseAcceptance"),
        Map.of(
            "reassignGroup",
            "gridHepingli2",
            "reassignUser",
            "zhaoqiang",
            "superviseComment",
            "原网格员休假，改派第二网格"));

    assertThat(reads("wangli", instance)).isFalse();
    assertThat(reads("zhaoqiang", instance)).isTrue();
    assertThat(reads("sunli", instance))
        .as("the community office, whose supervision is done")
        .isFalse();
  }

  @Test
  void aCaseAwaitingItsRatingHoldsNoGrantAndAReopenGrantsTheHandlersAgain() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    String instance = instanceIdOf(receipt);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleResult", "已清运", "closureOutcome", "resolved"));
    // The supervising office holds its 抄送知悉 task, and reads the case, until it has read it.
    assertThat(reads("duchao", instance)).isTrue();
    completeAs("duchao", openTask(receipt, "acknowledgeCopy"), Map.of());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isOne();
    assertThat(grantsOn(instance)).isZero();

    rate(receipt, Rating.unsatisfied, "还是很脏");
    assertThat(openTasks(receipt, "handleCase")).hasSize(1);
    assertThat(reads("hanxue", instance)).isTrue();
    assertThat(reads("wangli", instance)).isFalse();
  }
}
