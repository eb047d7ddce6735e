package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A need a head finds on a visit is recorded with the visit, before any weekly report lists it
 * (issue #13, docs/liaison-units.md): {@code resident_need.report_id} may be null and {@code
 * visit_id} links the visit. A Java migration, because H2 and MySQL spell "make a column nullable"
 * differently and Lianhu's migrations run on both.
 */
public class V14__Needs_from_visits extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          h2
              ? "alter table resident_need alter column report_id set null"
              : "alter table resident_need modify report_id bigint null");
      statement.execute("alter table resident_need add column visit_id bigint");
      statement.execute("create index ix_need_visit on resident_need (visit_id)");
    }
  }
}
