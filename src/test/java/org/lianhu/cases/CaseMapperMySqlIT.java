package org.lianhu.cases;

import org.springframework.test.context.ActiveProfiles;

/** {@link CaseMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class CaseMapperMySqlIT extends CaseMapperContract {}
