package org.lianhu.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.timeline.PublicTimeline;

/** Who completed a task: the logged-in user, else the assignee, else the system. */
public final class TaskActor {

  private TaskActor() {}

  public static String of(IdentityService identityService, DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : PublicTimeline.SYSTEM;
  }
}
