package org.lianhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for Lianhu's staff endpoints, checked against Camunda's identity service (which also
 * throttles repeated wrong passwords). The caller's user and groups are the engine's current
 * authentication for the request, so services and authorization checks see who is asking.
 */
@Component
public class StaffAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public StaffAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = userOf(request);
    if (userId == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      // A page's own script (the dashboard) shows its login form; a Basic challenge would make the
      // browser show its dialog instead.
      if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"lianhu\", charset=\"UTF-8\"");
      }
      response.setContentType("application/problem+json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"/problems/unauthenticated\",\"title\":\"需要登录\",\"status\":401,"
                  + "\"detail\":\"工作人员接口需要有效的账号和密码（HTTP Basic），或登录会话\"}");
      return;
    }
    if (!safe(request.getMethod())
        && request.getHeader("Authorization") == null
        && !StaffSessions.csrfMatches(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/problem+json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"/problems/csrf\",\"title\":\"请求被拒绝\",\"status\":403,"
                  + "\"detail\":\"登录会话的请求须带 X-CSRF-Token\"}");
      return;
    }
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * HTTP Basic if the request carries it (checked every time), else the user of the staff session.
   */
  private String userOf(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null) {
      return BasicLogin.userOf(identityService, header);
    }
    // A session outlives nothing of its user: a staff member retired since logging in (their login
    // deleted by the organisation module) is logged out at their next request.
    String user = StaffSessions.userOf(request);
    if (user != null && identityService.createUserQuery().userId(user).count() == 0) {
      request.getSession().invalidate();
      return null;
    }
    return user;
  }

  private static boolean safe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }
}
