package org.lianhu.stats;

import org.springframework.test.context.ActiveProfiles;

/** {@link StatsMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class StatsMapperMySqlIT extends StatsMapperContract {}
