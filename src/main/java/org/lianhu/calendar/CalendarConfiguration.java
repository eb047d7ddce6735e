package org.lianhu.calendar;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The county's clock on every database connection; see docs/architecture.md, "Time". */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  @Bean
  CountyClock countyClock(CalendarSettings settings) {
    return new CountyClock(settings.zone());
  }

  @Bean
  WorkingCalendar workingCalendar(CountyClock clock, CalendarSettings settings) {
    return new WorkingCalendar(
        clock,
        settings.holidays(),
        settings.workingWeekends(),
        settings.officeOpens(),
        settings.officeCloses());
  }

  @Bean
  static CountyTimeConnections countyTimeConnections() {
    return new CountyTimeConnections();
  }

  @Bean
  StoredTimeCheck storedTimeCheck(DataSource dataSource, CountyClock clock) {
    return new StoredTimeCheck(dataSource, clock);
  }
}
