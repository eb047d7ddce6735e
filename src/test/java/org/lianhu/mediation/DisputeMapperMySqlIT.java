package org.lianhu.mediation;

import org.springframework.test.context.ActiveProfiles;

/** {@link DisputeMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class DisputeMapperMySqlIT extends DisputeMapperContract {}
