package org.lianhu;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LianhuApplication {

  public static void main(String[] args) {
    // Timestamps are stored as the county's wall-clock time, so that "this month" in a KPI query is the
    // county's month. -Duser.timezone or LIANHU_TIME_ZONE choose another zone.
    if (System.getProperty("user.timezone") == null || System.getProperty("user.timezone").isBlank()
        || System.getenv("LIANHU_TIME_ZONE") != null) {
      String zone = System.getenv().getOrDefault("LIANHU_TIME_ZONE", "Asia/Shanghai");
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
    }
    SpringApplication.run(LianhuApplication.class, args);
  }
}
