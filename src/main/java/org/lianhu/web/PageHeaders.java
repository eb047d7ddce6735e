package org.lianhu.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lianhu's own pages (the residents' {@code /report/}, the supervisors' {@code /dashboard/}) load
 * only their own scripts and styles, cannot be framed by another site, are not content-sniffed, and
 * send no referrer (a tracking link carries the case's code).
 */
@Configuration
public class PageHeaders {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> pageHeadersFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", POLICY);
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "no-referrer");
                chain.doFilter(request, response);
              }
            });
    registration.addUrlPatterns(
        "/report",
        "/report/*",
        "/dashboard",
        "/dashboard/*",
        "/admin",
        "/admin/*",
        "/unit",
        "/unit/*",
        "/case",
        "/case/*",
        "/shared/*");
    registration.setName("pageHeaders");
    return registration;
  }
}
