package org.lianhu.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Cockpit's plugin API ({@code /camunda/api/cockpit/...}: process statistics, instance counts per
 * activity) answers county-wide figures; only those who may open Cockpit (the county's supervisors
 * and the administrators) may call it. Everyone else who is signed in to the webapps (a grid worker
 * in Tasklist) gets 403 in Camunda's error JSON.
 */
@Priority(Priorities.AUTHORIZATION)
public class CockpitApiGuard implements ContainerRequestFilter {

  /**
   * Registers the guard on the webapps' Jersey applications; only Cockpit's plugin API is checked.
   */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Registration implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(CockpitApiGuard.class)) {
        context.register(CockpitApiGuard.class);
      }
    }
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String base = request.getUriInfo().getBaseUri().getPath();
    if (!base.contains("/api/cockpit")) {
      return;
    }
    String path = request.getUriInfo().getPath();
    String engineName =
        path.startsWith("plugin/") && path.split("/").length > 2 ? path.split("/")[2] : null;
    ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
    if (engine == null) {
      return;
    }
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null) {
      return; // Not signed in: the webapp answers 401 itself.
    }
    if (!engine
        .getAuthorizationService()
        .isUserAuthorized(
            caller.getUserId(),
            caller.getGroupIds(),
            Permissions.ACCESS,
            Resources.APPLICATION,
            "cockpit")) {
      request.abortWith(
          Response.status(Response.Status.FORBIDDEN)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  "{\"type\":\"AuthorizationException\",\"message\":\"只有可使用 Cockpit 的监督人员可以查看全县统计\"}")
              .build());
    }
  }
}
