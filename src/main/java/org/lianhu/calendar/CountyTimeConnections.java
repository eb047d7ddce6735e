package org.lianhu.calendar;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Makes every database connection read and write timestamps as the county's wall-clock time,
 * whatever the JVM's default zone: Lianhu's own columns and Camunda's (timers' due dates, task
 * dates) alike.
 *
 * <ul>
 *   <li>H2: the session setting {@code TIME ZONE}, appended to the URL.
 *   <li>MySQL (Connector/J): {@code connectionTimeZone} set to the zone's offset, with {@code
 *       preserveInstants} (the driver converts each instant into that zone) and {@code
 *       forceConnectionTimeZoneToSession} (the session's {@code time_zone}, so that {@code
 *       localtimestamp} is the county's clock too). The offset, not the zone's name, because a
 *       MySQL server without its time-zone tables knows no names.
 * </ul>
 *
 * A URL that already names another zone is refused at start. {@link StoredTimeCheck} proves the
 * result on a live connection, also for a pool this class does not know.
 */
public class CountyTimeConnections implements BeanPostProcessor, EnvironmentAware {

  private ZoneId zone;

  @Override
  public void setEnvironment(Environment environment) {
    zone =
        CountyClock.zoneOf(
            environment.getProperty(CountyClock.ZONE_PROPERTY, CountyClock.DEFAULT_ZONE));
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      configure(hikari);
    }
    return bean;
  }

  void configure(HikariDataSource hikari) {
    String url = hikari.getJdbcUrl();
    if (url.startsWith("jdbc:h2:")) {
      hikari.setJdbcUrl(h2Url(url, zone));
    } else if (url.startsWith("jdbc:mysql:")) {
      mysqlProperties(url, hikari.getDataSourceProperties(), zone);
    }
  }

  static String h2Url(String url, ZoneId zone) {
    String upper = url.toUpperCase(Locale.ROOT);
    int at = upper.indexOf(";TIME ZONE=");
    if (at < 0) {
      return url + ";TIME ZONE=" + zone.getId();
    }
    String named = url.substring(at + ";TIME ZONE=".length()).split(";", 2)[0];
    if (!ZoneId.of(named).normalized().equals(zone.normalized())) {
      throw new IllegalStateException(
          "spring.datasource.url sets TIME ZONE="
              + named
              + " but "
              + CountyClock.ZONE_PROPERTY
              + " is "
              + zone.getId()
              + "; leave TIME ZONE out of the URL");
    }
    return url;
  }

  static void mysqlProperties(String url, Properties properties, ZoneId zone) {
    String offset = CountyClock.offsetOf(zone);
    String named = urlParameter(url, "connectionTimeZone");
    if (named != null
        && !ZoneId.of(named)
            .getRules()
            .getOffset(Instant.now())
            .equals(zone.getRules().getOffset(Instant.now()))) {
      throw new IllegalStateException(
          "spring.datasource.url sets connectionTimeZone="
              + named
              + " but "
              + CountyClock.ZONE_PROPERTY
              + " is "
              + zone.getId()
              + "; leave connectionTimeZone out of the URL");
    }
    properties.setProperty("connectionTimeZone", offset);
    properties.setProperty("preserveInstants", "true");
    properties.setProperty("forceConnectionTimeZoneToSession", "true");
  }

  private static String urlParameter(String url, String name) {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : url.substring(query + 1).split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts.length == 2 && parts[0].equalsIgnoreCase(name)) {
        return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
