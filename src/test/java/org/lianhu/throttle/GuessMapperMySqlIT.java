package org.lianhu.throttle;

import org.springframework.test.context.ActiveProfiles;

/** {@link GuessMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class GuessMapperMySqlIT extends GuessMapperContract {}
