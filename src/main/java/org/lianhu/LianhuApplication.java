package org.lianhu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LianhuApplication {

  public static void main(String[] args) {
    SpringApplication.run(LianhuApplication.class, args);
  }
}
