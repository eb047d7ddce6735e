package org.lianhu.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A liaison unit without a head in the demo's 桃园村 (grid 桃园村第二网格, worker wuhua; community office
 * hejun; street 西城街道, linlin), with two households whose phones end in 0001 and 0002.
 */
public final class TestUnits {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestUnits() {}

  public static String create(JdbcTemplate jdbc) {
    return create(jdbc, "taoyuan2");
  }

  /** The same in another demo grid (e.g. 和平里第二网格 hepingli2: office sunli, street gaofeng). */
  public static String create(JdbcTemplate jdbc, String grid) {
    String unit = "selunit" + NEXT.incrementAndGet() + "t" + System.nanoTime() % 100000;
    jdbc.update(
        "insert into liaison_unit (code, grid_code, name, households, group_id)"
            + " values (?, ?, ?, 2, ?)",
        unit,
        grid,
        "桃园西组" + unit + "联户单元",
        "unit" + unit);
    for (int i = 1; i <= 2; i++) {
      jdbc.update(
          "insert into household (code, unit_code, address, head_name, phone, members)"
              + " values (?, ?, ?, ?, ?, 2)",
          unit + "-0" + i,
          unit,
          "桃园西组" + i + "号",
          "住户" + i,
          "1390005000" + i);
    }
    return unit;
  }
}
