package org.lianhu.sensors;

import org.springframework.test.context.ActiveProfiles;

/** {@link SensorMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class SensorMapperMySqlIT extends SensorMapperContract {}
