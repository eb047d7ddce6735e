package org.lianhu.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which API. Residents' endpoints ({@code /api/cases}, {@code /api/categories}) are
 * open; the tracking code guards each case. Staff endpoints ({@code /api/staff/*}) and Camunda's
 * engine REST API ({@code /engine-rest/*}) require HTTP Basic against Camunda's identity service,
 * whose authorizations then decide what the caller sees. The webapps keep their own session login.
 */
@Configuration
public class RestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        "authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engineRestAuthentication");
    return registration;
  }

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffAuthentication(
      StaffAuthenticationFilter filter) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(
        "/api/staff/*", "/api/stats/*", "/api/admin/*", "/api/unit/*", "/api/heads/*");
    registration.setName("staffAuthentication");
    return registration;
  }
}
