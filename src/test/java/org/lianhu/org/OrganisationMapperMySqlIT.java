package org.lianhu.org;

import org.springframework.test.context.ActiveProfiles;

/** {@link OrganisationMapperContract} on the MySQL-compatible server of profile {@code mysql}. */
@ActiveProfiles({"mysql", "mysqltest"})
class OrganisationMapperMySqlIT extends OrganisationMapperContract {}
