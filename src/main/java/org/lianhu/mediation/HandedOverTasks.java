package org.lianhu.mediation;

import org.lianhu.org.TaskHandedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes on a dispute's timeline that a staff change handed one of its tasks to someone else. */
@Component
class HandedOverTasks {

  private final DisputeLifecycle lifecycle;

  HandedOverTasks(DisputeLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @EventListener
  void taskHandedOver(TaskHandedOver handedOver) {
    if (MediationVariables.PROCESS_KEY.equals(handedOver.processDefinitionKey())) {
      lifecycle.noteInternal(
          DisputeNumbers.idOf(handedOver.businessKey()),
          handedOver.actor(),
          "人员变动交接",
          handedOver.remark());
    }
  }
}
