package org.lianhu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Camunda's engine REST API ({@code /engine-rest}) and the webapps' API ({@code /camunda/api})
 * take before anything of theirs runs, answered in Camunda's error JSON:
 *
 * <ul>
 *   <li>a credentialed request (Basic login or session cookie) from another site's page ({@code
 *       Origin} not this server) is refused, 403: a page elsewhere can neither act with a
 *       caseworker's remembered login nor, by failing the webapps' CSRF check, end their session;
 *   <li>a body over 1 MB (20 MB for a deployment from Modeler) is refused, 413;
 *   <li>JSON nested deeper than 64 levels is refused, 400, before a parser recurses through it;
 *   <li>negative {@code firstResult} or {@code maxResults} are refused, 400 (Camunda answered 500).
 * </ul>
 */
@Configuration
public class EngineRestGate {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final int MAX_DEPLOYMENT_BYTES = 20 * 1024 * 1024;
  static final int MAX_JSON_DEPTH = 64;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestGateFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Gate());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("engineRestGate");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Gate extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (crossSiteWithCredentials(request)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "不接受其他网站页面发来的带登录信息的请求");
        return;
      }
      String negative = negativePaging(request.getQueryString());
      if (negative != null) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, negative + " 不能为负数");
        return;
      }
      int limit =
          request.getRequestURI().endsWith("/deployment/create")
              ? MAX_DEPLOYMENT_BYTES
              : MAX_BODY_BYTES;
      if (request.getContentLengthLong() > limit) {
        refuse(
            response,
            HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "请求体不能超过 " + limit / 1024 / 1024 + " MB");
        return;
      }
      String type = request.getContentType();
      if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(limit + 1);
      if (body.length > limit) {
        refuse(
            response,
            HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "请求体不能超过 " + limit / 1024 / 1024 + " MB");
        return;
      }
      if (depth(body) > MAX_JSON_DEPTH) {
        refuse(
            response, HttpServletResponse.SC_BAD_REQUEST, "JSON 嵌套不能超过 " + MAX_JSON_DEPTH + " 层");
        return;
      }
      chain.doFilter(new Replayed(request, body), response);
    }
  }

  /**
   * The paging parameter of the query string that is negative, if any. Read from the query string
   * itself: asking the servlet for parameters would consume a form body (the webapps' login) before
   * its reader.
   */
  static String negativePaging(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if ((name.equals("firstResult") || name.equals("maxResults"))
          && parts.length == 2
          && URLDecoder.decode(parts[1], StandardCharsets.UTF_8).trim().startsWith("-")) {
        return name;
      }
    }
    return null;
  }

  /** Another site's page sending this server's login along: its Origin names another host. */
  static boolean crossSiteWithCredentials(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null
        || (request.getHeader("Authorization") == null && request.getHeader("Cookie") == null)) {
      return false;
    }
    if ("null".equals(origin)) {
      return true;
    }
    try {
      String from = URI.create(origin).getAuthority();
      // Behind a reverse proxy that rewrites Host, the host the browser used is in
      // X-Forwarded-Host.
      return from == null
          || !(from.equalsIgnoreCase(String.valueOf(request.getHeader("Host")))
              || from.equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Host"))));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** The deepest nesting of objects and arrays, outside strings. */
  static int depth(byte[] json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return deepest;
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"InvalidRequestException\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The request with its body read once here and served again to the API. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body),
              encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
