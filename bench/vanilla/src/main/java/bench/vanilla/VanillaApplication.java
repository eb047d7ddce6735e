package bench.vanilla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda 7 as its starter gives it: nothing of Lianhu's. */
@SpringBootApplication
public class VanillaApplication {

  public static void main(String[] args) {
    SpringApplication.run(VanillaApplication.class, args);
  }
}
