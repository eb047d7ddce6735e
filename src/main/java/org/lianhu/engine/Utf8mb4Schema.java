package org.lianhu.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On MySQL, Camunda creates its tables in utf8 (utf8mb3), which cannot store characters outside the
 * Basic Multilingual Plane: emoji in a description, and the rarer CJK characters of some names and
 * places. A report carrying one would fail when its variables are written. Once the engine has
 * created or updated its schema, and before it takes any work, this moves every free-text column of
 * the schema (variable values, messages) to utf8mb4. MariaDB does not let a whole table change
 * character set while keys refer to it, so the change is made column by column.
 *
 * <p>Columns that hold ids (named {@code …ID_}, {@code …KEY_} or {@code …EXEC_}) stay utf8mb3 even
 * without an index: Camunda compares them with indexed id columns of other tables, and a comparison
 * across character sets converts the indexed side, so that its index cannot serve it (the
 * authorization join of every task query compared {@code ACT_RE_PROCDEF.KEY_} so). An earlier
 * version widened them; their runtime and repository tables, which hold open work only, are put
 * back.
 */
@Component
public class Utf8mb4Schema extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(Utf8mb4Schema.class);

  private static final String NARROW_TEXT_COLUMNS =
      """
      select c.table_name, c.column_name, c.column_type, c.is_nullable
      from information_schema.columns c
      where c.table_schema = database() and c.character_set_name in ('utf8', 'utf8mb3')
        and (c.column_default is null or c.column_default = 'NULL')
        and c.column_name not regexp '(ID|KEY|EXEC)_$'
        and not exists (select 1 from information_schema.statistics s where s.table_schema = c.table_schema
                        and s.table_name = c.table_name and s.column_name = c.column_name)
        and not exists (select 1 from information_schema.key_column_usage k where k.table_schema = c.table_schema
                        and k.table_name = c.table_name and k.column_name = c.column_name)
      order by c.table_name, c.ordinal_position""";

  private static final String WIDENED_ID_COLUMNS =
      """
      select c.table_name, c.column_name, c.column_type, c.is_nullable
      from information_schema.columns c
      where c.table_schema = database() and c.character_set_name = 'utf8mb4'
        and (c.table_name like 'ACT\\_RU\\_%' or c.table_name like 'ACT\\_RE\\_%')
        and (c.column_default is null or c.column_default = 'NULL')
        and c.column_name regexp '(ID|KEY|EXEC)_$'
      order by c.table_name, c.ordinal_position""";

  public Utf8mb4Schema(ObjectProvider<FlywayMigrationInitializer> flyway) {
    // Lianhu's own migrations run first, so that their tables are converted in the same pass.
    flyway.ifAvailable(initializer -> {});
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String type = configuration.getDatabaseType();
    if (!"mysql".equals(type) && !"mariadb".equals(type)) {
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    Map<String, StringBuilder> alterations = new LinkedHashMap<>();
    for (Map<String, Object> column : jdbc.queryForList(NARROW_TEXT_COLUMNS)) {
      String table = column.get("table_name").toString();
      String collation =
          table.toUpperCase().startsWith("ACT_") ? "utf8mb4_bin" : "utf8mb4_unicode_ci";
      modify(alterations, column, "utf8mb4", collation);
    }
    for (Map<String, Object> column : jdbc.queryForList(WIDENED_ID_COLUMNS)) {
      modify(alterations, column, "utf8mb3", "utf8mb3_bin");
    }
    alterations.forEach(
        (table, alter) -> {
          LOG.info("Setting the character sets of the columns of {}: {}", table, alter);
          jdbc.execute("alter table `" + table + "` " + alter);
        });
  }

  private static void modify(
      Map<String, StringBuilder> alterations,
      Map<String, Object> column,
      String characterSet,
      String collation) {
    StringBuilder alter =
        alterations.computeIfAbsent(column.get("table_name").toString(), t -> new StringBuilder());
    alter
        .append(alter.isEmpty() ? "" : ", ")
        .append("modify `")
        .append(column.get("column_name"))
        .append("` ")
        .append(column.get("column_type"))
        .append(" character set ")
        .append(characterSet)
        .append(" collate ")
        .append(collation)
        .append("NO".equals(column.get("is_nullable")) ? " not null" : " null");
  }
}
