package org.lianhu.startup;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Lets server nodes that share one MySQL database start at the same moment. Camunda's schema
 * creation, its admin user and Lianhu's start-up writers ({@link StartupSync}) all check, then
 * insert; two nodes starting together both found a row missing and one of them died on the
 * duplicate key (docs/reliability.md, finding 2). So a node holds the named lock {@code
 * lianhu.startup.<database>} from before its engine builds ({@link #preInit}, ahead of the schema
 * operations) until its start-up writers are done; a second node waits for it there. Flyway, which
 * has its own lock, has run before.
 *
 * <p>The lock is MySQL's {@code GET_LOCK}, held by a connection of its own opened beside the pool,
 * so it takes no pool connection (a pool of one cannot deadlock against it), and a node killed
 * while holding it loses the connection and with it the lock. It is released after the writers, or
 * when the start fails and the context closes. On H2 (one process per database) it does nothing.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  private static final String PREFIX = "lianhu.startup.";

  /** MySQL refuses longer lock names. */
  private static final int MAX_NAME = 64;

  private static final int REPORT_EVERY_SECONDS = 10;

  private final DataSource dataSource;
  private final Duration timeout;
  private Connection holder;
  private String name;

  @Autowired
  public StartupLock(DataSource dataSource, StartupSettings settings) {
    this(dataSource, settings.timeout());
  }

  public StartupLock(DataSource dataSource, Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** Takes the lock, waiting for another node's start-up for at most the timeout. */
  public synchronized void acquire() {
    if (holder != null) {
      return;
    }
    try {
      Connection connection = open();
      if (connection == null) {
        return;
      }
      try {
        name = lockName(connection);
        waitFor(connection);
        holder = connection;
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot take the start-up lock "
              + (name != null ? name : PREFIX + "*")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void waitFor(Connection connection) throws SQLException {
    if (getLock(connection, 0)) {
      LOG.info("Start-up lock {} taken", name);
      return;
    }
    long started = System.nanoTime();
    long limit = timeout.toSeconds();
    LOG.info(
        "Waiting for another node's start-up: it holds {} (connection {}); waiting up to {} s",
        name,
        holderOf(connection),
        limit);
    while (true) {
      long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      if (waited >= limit) {
        throw new IllegalStateException(
            "Another node has held the start-up lock "
                + name
                + " for more than "
                + limit
                + " s (MySQL connection "
                + holderOf(connection)
                + "): it is still starting, or hangs."
                + " Start this node when that one is up, or raise lianhu.startup-lock.timeout.");
      }
      if (getLock(connection, Math.min(REPORT_EVERY_SECONDS, limit - waited))) {
        LOG.info(
            "Start-up lock {} taken after waiting {} s",
            name,
            Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return;
      }
      LOG.info(
          "Still waiting for another node's start-up ({} held by connection {}, {} s so far)",
          name,
          holderOf(connection),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
  }

  /** Gives the lock back and closes its connection; nothing happens when it is not held. */
  public synchronized void release() {
    if (holder == null) {
      return;
    }
    try (PreparedStatement release = holder.prepareStatement("select release_lock(?)")) {
      release.setString(1, name);
      release.execute();
      LOG.info("Start-up lock {} released", name);
    } catch (SQLException e) {
      LOG.warn(
          "Releasing the start-up lock {} failed ({}); closing its connection releases it",
          name,
          e.getMessage());
    } finally {
      try {
        holder.close();
      } catch (SQLException e) {
        LOG.warn("Closing the start-up lock's connection failed: {}", e.getMessage());
      }
      holder = null;
    }
  }

  public synchronized boolean held() {
    return holder != null;
  }

  @Override
  public void destroy() {
    release();
  }

  /**
   * A connection of its own on MySQL and MariaDB, null on any other database. With Hikari (Spring
   * Boot's pool) it is opened with the pool's URL and credentials, outside the pool.
   */
  private Connection open() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
      String url = pool.getJdbcUrl();
      if (url != null) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
          return null;
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
          properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
          properties.setProperty("password", pool.getPassword());
        }
        Connection connection = driver(pool.getDriverClassName(), url).connect(url, properties);
        if (connection == null) {
          throw new SQLException("the driver does not accept " + url);
        }
        return connection;
      }
    }
    // Another pool: the lock borrows one of its connections for the start.
    Connection connection = dataSource.getConnection();
    String product = connection.getMetaData().getDatabaseProductName();
    if (!"MySQL".equalsIgnoreCase(product) && !"MariaDB".equalsIgnoreCase(product)) {
      connection.close();
      return null;
    }
    LOG.warn("The start-up lock holds one connection of the pool until the start-up is done");
    return connection;
  }

  private static Driver driver(String className, String url) throws SQLException {
    if (className == null) {
      return DriverManager.getDriver(url);
    }
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return (Driver)
          Class.forName(
                  className, true, loader != null ? loader : StartupLock.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new SQLException("cannot load the JDBC driver " + className, e);
    }
  }

  /**
   * Named locks are server-wide: the database's name keeps nodes of other databases out of the way.
   */
  static String lockName(Connection connection) throws SQLException {
    String database = connection.getCatalog();
    try (PreparedStatement current = connection.prepareStatement("select database()");
        ResultSet row = current.executeQuery()) {
      if (row.next() && row.getString(1) != null) {
        database = row.getString(1);
      }
    }
    String name = PREFIX + database;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(database.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean getLock(Connection connection, long seconds) throws SQLException {
    try (PreparedStatement get = connection.prepareStatement("select get_lock(?, ?)")) {
      get.setString(1, name);
      get.setLong(2, seconds);
      try (ResultSet row = get.executeQuery()) {
        row.next();
        int result = row.getInt(1);
        if (row.wasNull()) {
          throw new SQLException("GET_LOCK('" + name + "') answered NULL");
        }
        return result == 1;
      }
    }
  }

  private String holderOf(Connection connection) {
    try (PreparedStatement used = connection.prepareStatement("select is_used_lock(?)")) {
      used.setString(1, name);
      try (ResultSet row = used.executeQuery()) {
        return row.next() && row.getString(1) != null ? row.getString(1) : "?";
      }
    } catch (SQLException e) {
      return "?";
    }
  }
}
