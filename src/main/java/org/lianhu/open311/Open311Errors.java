package org.lianhu.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.lianhu.web.BodySizeLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every error under {@code /open311/} in GeoReport's own {@code errors} format, in XML or JSON by
 * the path's extension, including those Spring or the servlet container answer before any
 * controller runs: an unknown path (404), a wrong method (405), a body of the wrong type (415) or
 * one too large (413). Open311 clients parse that list, not RFC 7807 problem details.
 */
@Configuration(proxyBeanMethods = false)
class Open311Errors {

  static final String PREFIX = "/open311/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> open311ErrorFilter(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                String format = formatOf(request.getRequestURI());
                if (request.getContentLengthLong() > BodySizeLimit.MAX_BODY_BYTES) {
                  write(
                      response,
                      Open311Format.error(
                          HttpStatus.PAYLOAD_TOO_LARGE,
                          format,
                          "the request body may be at most "
                              + BodySizeLimit.MAX_BODY_BYTES / 1024
                              + " KB",
                          json));
                  return;
                }
                chain.doFilter(request, new Answering(response, format, json));
              }
            });
    registration.addUrlPatterns(PREFIX + "*");
    registration.setName("open311Errors");
    // Before the body size limit, whose answer is a problem detail.
    registration.setOrder(-200);
    return registration;
  }

  /** {@code xml} for a path ending in {@code .xml}, else {@code json}. */
  static String formatOf(String path) {
    return path != null && path.endsWith(".xml") ? "xml" : "json";
  }

  static void write(HttpServletResponse response, ResponseEntity<String> answer)
      throws IOException {
    response.setStatus(answer.getStatusCode().value());
    response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
    byte[] body = answer.getBody().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** Turns {@code sendError} (Spring's 404, 405, 415 and the container's) into Open311's errors. */
  private static final class Answering extends HttpServletResponseWrapper {
    private final String format;
    private final ObjectMapper json;

    Answering(HttpServletResponse response, String format, ObjectMapper json) {
      super(response);
      this.format = format;
      this.json = json;
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        super.sendError(status, message);
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      HttpStatus answered = known == null ? HttpStatus.BAD_REQUEST : known;
      resetBuffer();
      write(
          (HttpServletResponse) getResponse(),
          Open311Format.error(answered, format, describe(answered, message), json));
    }

    private static String describe(HttpStatus status, String message) {
      return switch (status) {
        case NOT_FOUND -> "no such Open311 resource; see discovery.json";
        case METHOD_NOT_ALLOWED -> "method not allowed for this Open311 resource";
        case UNSUPPORTED_MEDIA_TYPE ->
            "requests are posted as application/x-www-form-urlencoded or multipart/form-data";
        default -> message == null || message.isBlank() ? status.getReasonPhrase() : message;
      };
    }
  }
}
