package org.lianhu.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lianhu's own APIs take small bodies: a report is a few kilobytes. A larger body is refused before
 * it is read (413 by its Content-Length), or as soon as a streamed body passes the limit.
 */
@Configuration
public class BodySizeLimit {

  public static final int MAX_BODY_BYTES = 64 * 1024;

  static final String WORKBOOK_UPLOAD = "/api/admin/organisation/import";

  /** Raised while reading a streamed body that grew past the limit. */
  public static class TooLarge extends IOException {
    TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> bodySizeLimitFilter(List<LargeBodies> uploads) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                // The organisation workbook is the one large upload; its own limit is the
                // multipart limit (spring.servlet.multipart), its contents are checked as read.
                if (WORKBOOK_UPLOAD.equals(request.getRequestURI())) {
                  chain.doFilter(request, response);
                  return;
                }
                long limit = MAX_BODY_BYTES;
                for (LargeBodies upload : uploads) {
                  limit = Math.max(limit, upload.limitFor(request));
                }
                if (request.getContentLengthLong() > limit) {
                  response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                  response.setContentType("application/problem+json;charset=UTF-8");
                  response
                      .getWriter()
                      .write(
                          "{\"type\":\"/problems/payload-too-large\",\"title\":\"请求体过大\",\"status\":413,"
                              + "\"detail\":\"请求体不能超过 "
                              + readable(limit)
                              + "\"}");
                  return;
                }
                chain.doFilter(new Limited(request, limit), response);
              }
            });
    registration.addUrlPatterns("/api/*", "/open311/*");
    registration.setName("bodySizeLimit");
    registration.setOrder(-100);
    return registration;
  }

  private static String readable(long bytes) {
    return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream limited;

    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        ServletInputStream body = super.getInputStream();
        limited =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int next = body.read();
                if (next >= 0) {
                  count(1);
                }
                return next;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws TooLarge {
                read += n;
                if (read > limit) {
                  throw new TooLarge(limit);
                }
              }

              @Override
              public boolean isFinished() {
                return body.isFinished();
              }

              @Override
              public boolean isReady() {
                return body.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
              }
            };
      }
      return limited;
    }
  }
}
