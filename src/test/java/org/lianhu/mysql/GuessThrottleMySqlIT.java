package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Wrong tracking codes sent at the same moment are each counted once, in rows every node reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class GuessThrottleMySqlIT {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  @Test
  void concurrentWrongCodesAreCountedExactlyAndThenRefused() throws Exception {
    String caseNo = "2026-" + (800000 + System.nanoTime() % 100000);
    jdbc.update("delete from code_guess");
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", "WRONGONE");
    Callable<Integer> guess =
        () ->
            http.exchange(
                    "/api/cases/" + caseNo, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode()
                .value();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(guess));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(404);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(
            jdbc.queryForObject(
                "select failures from code_guess where scope = ?",
                Integer.class,
                "subject:" + caseNo))
        .isEqualTo(8);
    for (int i = 0; i < 2; i++) {
      assertThat(guess.call()).isEqualTo(404);
    }
    assertThat(guess.call()).as("the eleventh try within the window").isEqualTo(429);
    jdbc.update("delete from code_guess");
  }
}
