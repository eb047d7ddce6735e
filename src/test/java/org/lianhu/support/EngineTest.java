package org.lianhu.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the processes, the engine and the database without the web layer: no Tomcat, no
 * webapps, no REST. The classes that carry it share one such context, on a database of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:lianhu-engine-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      // Tests run the jobs themselves, with the clock moved: a job executor would race them.
      "camunda.bpm.job-execution.enabled=false",
      // Camunda's REST starter registers Jersey whether or not there is a web server.
      "spring.autoconfigure.exclude="
          + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"
    })
public @interface EngineTest {}
