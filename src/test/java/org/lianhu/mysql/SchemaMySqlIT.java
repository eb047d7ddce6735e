package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.lianhu.engine.Utf8mb4Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What start-up does to Camunda's schema on the MySQL-compatible server: free text widened to
 * utf8mb4, ids left in utf8mb3 so that comparisons with indexed ids keep their index (and put back
 * where an earlier version widened them), and the covering indexes of the per-task authorization
 * check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class SchemaMySqlIT {

  private static final String WIDE_IDS =
      """
      select count(*) from information_schema.columns where table_schema = database()
        and (table_name like 'ACT\\_RU\\_%' or table_name like 'ACT\\_RE\\_%')
        and character_set_name = 'utf8mb4' and column_name regexp '(ID|KEY|EXEC)_$'""";

  @Autowired private JdbcTemplate jdbc;
  @Autowired private Utf8mb4Schema utf8mb4Schema;
  @Autowired private ProcessEngine engine;

  private String characterSet(String table, String column) {
    return jdbc.queryForObject(
        "select character_set_name from information_schema.columns where table_schema = database()"
            + " and table_name = ? and column_name = ?",
        String.class,
        table,
        column);
  }

  @Test
  void freeTextIsUtf8mb4AndIdsStayAsCamundaCreatedThem() {
    assertThat(characterSet("ACT_RU_VARIABLE", "TEXT_")).isEqualTo("utf8mb4");
    assertThat(characterSet("ACT_RU_TASK", "DESCRIPTION_")).isEqualTo("utf8mb4");
    assertThat(characterSet("ACT_RE_PROCDEF", "KEY_")).isEqualTo("utf8mb3");
    assertThat(jdbc.queryForObject(WIDE_IDS, Long.class)).isZero();
  }

  @Test
  void anIdColumnAnEarlierVersionWidenedIsPutBack() {
    jdbc.execute(
        "alter table ACT_RE_PROCDEF modify KEY_ varchar(255) character set utf8mb4"
            + " collate utf8mb4_bin not null");
    assertThat(characterSet("ACT_RE_PROCDEF", "KEY_")).isEqualTo("utf8mb4");

    utf8mb4Schema.postProcessEngineBuild(engine);

    assertThat(characterSet("ACT_RE_PROCDEF", "KEY_")).isEqualTo("utf8mb3");
    assertThat(
            jdbc.queryForObject(
                "select is_nullable from information_schema.columns where table_schema = database()"
                    + " and table_name = 'ACT_RE_PROCDEF' and column_name = 'KEY_'",
                String.class))
        .isEqualTo("NO");
  }

  @Test
  void theAuthorizationCheckIsAnsweredFromAnIndex() {
    for (String index : List.of("LH_IDX_AUTH_USER_PERMS", "LH_IDX_AUTH_GROUP_PERMS")) {
      List<String> columns =
          jdbc.queryForList(
              "select column_name from information_schema.statistics where table_schema = database()"
                  + " and table_name = 'ACT_RU_AUTHORIZATION' and index_name = ? order by seq_in_index",
              String.class,
              index);
      assertThat(columns)
          .as(index)
          .containsExactly(
              index.contains("USER") ? "USER_ID_" : "GROUP_ID_",
              "TYPE_",
              "RESOURCE_TYPE_",
              "RESOURCE_ID_",
              "PERMS_");
    }
  }
}
