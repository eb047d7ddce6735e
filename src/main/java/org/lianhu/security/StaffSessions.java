package org.lianhu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
import org.lianhu.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A staff member's login for Lianhu's own pages (the dashboard): the password is checked once
 * against Camunda's identity service and never kept by the browser; the server's session (an
 * HttpOnly, SameSite cookie) says who is signed in, and a per-session token guards every request
 * that changes something (header {@code X-CSRF-Token}).
 */
@RestController
@RequestMapping("/api/session")
public class StaffSessions {

  static final String USER = StaffSessions.class.getName() + ".user";
  static final String CSRF = StaffSessions.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  public record Login(
      @NotBlank(message = "请输入用户名") @Size(max = 64) String user,
      @NotBlank(message = "请输入密码") @Size(max = 256) String password) {}

  public record Session(String user, String csrfToken) {}

  private final IdentityService identityService;

  public StaffSessions(IdentityService identityService) {
    this.identityService = identityService;
  }

  @PostMapping
  public Session login(@Valid @RequestBody Login login, HttpServletRequest request) {
    if (!identityService.checkPassword(login.user(), login.password())) {
      throw Problems.unauthenticated("用户名或密码不正确");
    }
    HttpSession session = request.getSession(true);
    request.changeSessionId(); // no fixation: the id the browser had before the login is void
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    session.setAttribute(USER, login.user());
    session.setAttribute(CSRF, HexFormat.of().formatHex(token));
    return new Session(login.user(), (String) session.getAttribute(CSRF));
  }

  @GetMapping
  public Session current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(USER) == null) {
      throw Problems.unauthenticated("未登录");
    }
    return new Session((String) session.getAttribute(USER), (String) session.getAttribute(CSRF));
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void logout(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || session.getAttribute(USER) == null) {
      return;
    }
    if (!csrfMatches(request)) {
      throw Problems.forbidden("退出登录须带 X-CSRF-Token");
    }
    session.removeAttribute(USER);
    session.removeAttribute(CSRF);
  }

  /** The user signed in to the request's session, if any. */
  static String userOf(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(USER);
  }

  static boolean csrfMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF);
    String given = request.getHeader("X-CSRF-Token");
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
