package org.lianhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** How each connection is told the county's zone, and what is refused. */
class CountyTimeConnectionsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aZoneWithDaylightSavingOrNoZoneAtAllIsRefused() {
    assertThatThrownBy(() -> CountyClock.zoneOf("America/New_York"))
        .hasMessageContaining("daylight saving");
    assertThatThrownBy(() -> CountyClock.zoneOf("Mars/Olympus"))
        .hasMessageContaining("is not a time zone");
    assertThat(CountyClock.zoneOf("Asia/Urumqi")).isEqualTo(ZoneId.of("Asia/Urumqi"));
  }

  @Test
  void theOffsetIsWrittenAsASessionTakesIt() {
    assertThat(CountyClock.offsetOf(SHANGHAI)).isEqualTo("+08:00");
    assertThat(CountyClock.offsetOf(ZoneId.of("UTC"))).isEqualTo("+00:00");
    assertThat(CountyClock.offsetOf(ZoneId.of("Asia/Kathmandu"))).isEqualTo("+05:45");
    assertThat(CountyClock.offsetOf(ZoneId.of("-03:30"))).isEqualTo("-03:30");
  }

  @Test
  void anH2UrlGetsTheCountysSessionZoneOnceAndAConflictingOneIsRefused() {
    assertThat(CountyTimeConnections.h2Url("jdbc:h2:file:./data/lianhu", SHANGHAI))
        .isEqualTo("jdbc:h2:file:./data/lianhu;TIME ZONE=Asia/Shanghai");
    assertThat(
            CountyTimeConnections.h2Url(
                "jdbc:h2:mem:x;TIME ZONE=Asia/Shanghai;DB_CLOSE_DELAY=-1", SHANGHAI))
        .isEqualTo("jdbc:h2:mem:x;TIME ZONE=Asia/Shanghai;DB_CLOSE_DELAY=-1");
    assertThatThrownBy(() -> CountyTimeConnections.h2Url("jdbc:h2:mem:x;TIME ZONE=UTC", SHANGHAI))
        .hasMessageContaining("TIME ZONE=UTC");
  }

  @Test
  void aMySqlConnectionConvertsInstantsIntoTheCountysOffsetAndSetsTheSessionToIt() {
    Properties properties = new Properties();
    CountyTimeConnections.mysqlProperties(
        "jdbc:mysql://db:3306/lianhu?useSSL=false", properties, SHANGHAI);

    assertThat(properties)
        .containsEntry("connectionTimeZone", "+08:00")
        .containsEntry("preserveInstants", "true")
        .containsEntry("forceConnectionTimeZoneToSession", "true");
    assertThatThrownBy(
            () ->
                CountyTimeConnections.mysqlProperties(
                    "jdbc:mysql://db:3306/lianhu?connectionTimeZone=UTC",
                    new Properties(),
                    SHANGHAI))
        .hasMessageContaining("connectionTimeZone=UTC");
  }

  @Test
  void aPoolIsConfiguredFromTheZoneInTheEnvironment() {
    CountyTimeConnections connections = new CountyTimeConnections();
    connections.setEnvironment(
        new MockEnvironment().withProperty(CountyClock.ZONE_PROPERTY, "Asia/Urumqi"));
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setJdbcUrl("jdbc:h2:mem:county-time-connections");
      connections.postProcessAfterInitialization(pool, "dataSource");
      assertThat(pool.getJdbcUrl()).endsWith(";TIME ZONE=Asia/Urumqi");
    }
  }

  @Test
  void theStartupCheckRefusesAConnectionThatStoresTheJvmsWallClockAndPassesAConfiguredOne()
      throws Exception {
    CountyClock clock = new CountyClock("Asia/Shanghai");
    try (HikariDataSource plain = new HikariDataSource();
        HikariDataSource configured = new HikariDataSource()) {
      plain.setJdbcUrl("jdbc:h2:mem:stored-time-plain;TIME ZONE=America/Los_Angeles");
      configured.setJdbcUrl("jdbc:h2:mem:stored-time-county;TIME ZONE=Asia/Shanghai");

      assertThatThrownBy(() -> new StoredTimeCheck(plain, clock).afterPropertiesSet())
          .hasMessageContaining("'2026-12-31 08:00:30'")
          .hasMessageContaining("'2027-01-01 00:00:30'");
      StoredTimeCheck check = new StoredTimeCheck(configured, clock);
      check.afterPropertiesSet();
      assertThat(check.storedWallClock()).isEqualTo("2027-01-01 00:00:30");
    }
  }
}
