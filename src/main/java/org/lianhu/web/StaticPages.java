package org.lianhu.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The residents' page, the supervisors' dashboard and the administrators' organisation page answer
 * at their folder addresses.
 */
@Configuration
public class StaticPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    for (String page : new String[] {"report", "dashboard", "admin", "unit", "case"}) {
      registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
      registry.addRedirectViewController("/" + page, "/" + page + "/");
    }
  }
}
