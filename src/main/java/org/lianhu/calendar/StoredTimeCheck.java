package org.lianhu.calendar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start on a connection that would not store the county's wall-clock time: it sends one
 * known instant through the driver and reads back the wall-clock time the database received. A pool
 * that {@link CountyTimeConnections} could not configure fails here, at start, instead of misfiling
 * cases by a few hours.
 */
public class StoredTimeCheck implements InitializingBean {

  static final Instant PROBE = Instant.parse("2026-12-31T16:00:30Z");
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final DataSource dataSource;
  private final CountyClock clock;

  public StoredTimeCheck(DataSource dataSource, CountyClock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    String expected = SECOND.format(LocalDateTime.ofInstant(PROBE, clock.zone()));
    String stored = storedWallClock();
    if (!expected.equals(stored)) {
      throw new IllegalStateException(
          "The database connection stores "
              + PROBE
              + " as '"
              + stored
              + "', not as the county's wall-clock time '"
              + expected
              + "' ("
              + CountyClock.ZONE_PROPERTY
              + " = "
              + clock.zone().getId()
              + "). Use a Hikari pool, or set the driver's time zone to the county's"
              + " (H2: TIME ZONE; MySQL: connectionTimeZone with forceConnectionTimeZoneToSession).");
    }
  }

  String storedWallClock() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean mysql = connection.getMetaData().getURL().startsWith("jdbc:mysql:");
      String sql =
          mysql
              ? "select cast(cast(? as datetime) as char)"
              : "select cast(cast(? as timestamp) as varchar)";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setTimestamp(1, Timestamp.from(PROBE));
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          String value = result.getString(1);
          return value == null || value.length() < 19 ? value : value.substring(0, 19);
        }
      }
    }
  }
}
