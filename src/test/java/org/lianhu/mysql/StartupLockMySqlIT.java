package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.startup.StartupLock;

/**
 * The start-up lock on the MySQL-compatible server, two nodes' locks on one database side by side.
 */
class StartupLockMySqlIT {

  private static final String URL =
      "jdbc:mysql://127.0.0.1:3306/"
          + System.getenv().getOrDefault("LIANHU_TEST_DB", "lianhu_test")
          + "?sendFractionalSeconds=false&useSSL=false&allowPublicKeyRetrieval=true&nullDatabaseMeansCurrent=true";

  private HikariDataSource poolA;
  private HikariDataSource poolB;

  @BeforeEach
  void pools() {
    poolA = pool("a");
    poolB = pool("b");
  }

  @AfterEach
  void close() {
    poolA.close();
    poolB.close();
  }

  private static HikariDataSource pool(String name) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("lock-" + name);
    pool.setJdbcUrl(URL);
    pool.setDriverClassName("com.mysql.cj.jdbc.Driver");
    pool.setUsername(System.getenv().getOrDefault("LIANHU_TEST_DB_USER", "lianhu"));
    pool.setPassword(System.getenv().getOrDefault("LIANHU_TEST_DB_PASSWORD", "lianhu"));
    // A pool of one: the lock must not need a pool connection, or the start-up would wait for
    // itself.
    pool.setMaximumPoolSize(1);
    pool.setConnectionTimeout(2000);
    return pool;
  }

  @Test
  void aSecondNodeWaitsForTheFirstAndFailsClearlyAfterTheTimeout() throws Exception {
    StartupLock first = new StartupLock(poolA, Duration.ofSeconds(5));
    StartupLock second = new StartupLock(poolB, Duration.ofSeconds(2));
    first.acquire();
    try (Connection pooled = poolA.getConnection()) {
      assertThat(pooled.isValid(1))
          .as("the pool's one connection is free while the lock is held")
          .isTrue();
    }

    long started = System.nanoTime();
    assertThatThrownBy(second::acquire)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("start-up lock lianhu.startup.")
        .hasMessageContaining("lianhu.startup-lock.timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(second.held()).isFalse();

    first.release();
    second.acquire();
    assertThat(second.held()).isTrue();
    second.release();
  }

  @Test
  void aNodeThatDiesHoldingTheLockLetsTheNextOneIn() throws Exception {
    StartupLock dying = new StartupLock(poolA, Duration.ofSeconds(5));
    dying.acquire();
    // What a killed process leaves behind: the server drops its connection, and the lock with it.
    try (Connection admin = poolB.getConnection()) {
      var holder =
          admin
              .createStatement()
              .executeQuery("select is_used_lock(concat('lianhu.startup.', database()))");
      holder.next();
      admin.createStatement().execute("kill connection " + holder.getLong(1));
    }

    StartupLock next = new StartupLock(poolB, Duration.ofSeconds(5));
    next.acquire();
    assertThat(next.held()).isTrue();
    next.release();
    dying.release();
  }
}
