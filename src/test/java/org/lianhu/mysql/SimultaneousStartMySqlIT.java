package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.lianhu.LianhuApplication;
import org.lianhu.org.Option;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at the same moment on one new database (docs/reliability.md, finding 2): both
 * come up, and the start-up writers leave exactly one copy of every group, login, membership,
 * shared filter and authorization. Each node is a whole application context of its own, in its own
 * thread, on the second test database ({@code <LIANHU_TEST_DB>_2}, which .ci/mariadb.sh grants),
 * dropped and created empty first. Without the start-up lock one node failed on Camunda's schema
 * creation or on a duplicate key in IdentitySync.
 */
class SimultaneousStartMySqlIT {

  private static final String DB =
      System.getenv().getOrDefault("LIANHU_TEST_DB", "lianhu_test") + "_2";
  private static final String USER = System.getenv().getOrDefault("LIANHU_TEST_DB_USER", "lianhu");
  private static final String PASSWORD =
      System.getenv().getOrDefault("LIANHU_TEST_DB_PASSWORD", "lianhu");
  private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
  private static final String PARAMETERS =
      "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
          + "&allowPublicKeyRetrieval=true&nullDatabaseMeansCurrent=true";

  @Test
  void twoNodesStartingTogetherOnANewDatabaseBothComeUpWithOneCopyOfEverything() throws Exception {
    try (Connection connection = DriverManager.getConnection(SERVER + PARAMETERS, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists `" + DB + "`");
      statement.execute(
          "create database `" + DB + "` character set utf8mb4 collate utf8mb4_unicode_ci");
    }

    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    Semaphore oneAtATime = new Semaphore(1);
    CountDownLatch together = new CountDownLatch(2);
    try {
      List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
      for (String node : List.of("a", "b")) {
        starts.add(threads.submit(() -> start(node, oneAtATime, together)));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<ConfigurableApplicationContext> start : starts) {
        try {
          nodes.add(start.get(300, TimeUnit.SECONDS));
        } catch (Exception e) {
          failures.add(e.getCause() != null ? e.getCause() : e);
        }
      }
      assertThat(failures).as("node start failures").isEmpty();

      ConfigurableApplicationContext node = nodes.get(0);
      JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
      OrganisationDirectory directory = node.getBean(OrganisationDirectory.class);
      IdentityService identities = node.getBean(IdentityService.class);

      for (Option unit : directory.allGroups()) {
        assertThat(identities.createGroupQuery().groupId(unit.value()).count())
            .as(unit.value())
            .isOne();
      }
      for (Staff person : directory.staff()) {
        assertThat(
                identities
                    .createUserQuery()
                    .userId(person.userId())
                    .memberOfGroup(person.groupId())
                    .count())
            .as(person.userId() + " in " + person.groupId())
            .isOne();
      }
      // Filters have no unique key: a race here leaves two of a kind instead of failing.
      List<Map<String, Object>> filters =
          jdbc.queryForList("select NAME_, count(*) as copies from ACT_RU_FILTER group by NAME_");
      assertThat(filters).hasSize(5).allSatisfy(f -> assertThat(f.get("copies")).isEqualTo(1L));
      assertThat(
              jdbc.queryForObject(
                  """
          select count(*) from ACT_RU_AUTHORIZATION a join ACT_RU_FILTER f on a.RESOURCE_ID_ = f.ID_
          where a.RESOURCE_TYPE_ = 5 and a.USER_ID_ = '*'""",
                  Long.class))
          .isEqualTo(5L);
      assertThat(
              jdbc.queryForList(
                  """
          select TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ from ACT_RU_AUTHORIZATION
          group by TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ having count(*) > 1"""))
          .isEmpty();
    } finally {
      nodes.forEach(ConfigurableApplicationContext::close);
      threads.shutdownNow();
    }
  }

  /**
   * One server node on the new database: profiles mysql and mysqltest, a free port, no job
   * executor. Spring Boot's logging set-up is not made for two applications starting at once in one
   * JVM (it failed with a ConcurrentModificationException), so the nodes prepare one at a time and
   * then refresh, which builds the engine and runs the start-up writers, together.
   */
  private static ConfigurableApplicationContext start(
      String node, Semaphore oneAtATime, CountDownLatch together) throws InterruptedException {
    SpringApplication application =
        new SpringApplicationBuilder(LianhuApplication.class)
            .profiles("mysql", "mysqltest")
            .listeners(
                event -> {
                  if (event instanceof ApplicationPreparedEvent) {
                    oneAtATime.release();
                    together.countDown();
                    try {
                      together.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                })
            .build();
    oneAtATime.tryAcquire(120, TimeUnit.SECONDS);
    // Arguments, not default properties: they must win over the profile's datasource URL.
    return application.run(
        "--spring.datasource.url=" + SERVER + DB + PARAMETERS,
        "--server.port=0",
        "--spring.datasource.hikari.pool-name=node-" + node,
        "--camunda.bpm.generic-properties.properties.hostname=node-" + node);
  }
}
