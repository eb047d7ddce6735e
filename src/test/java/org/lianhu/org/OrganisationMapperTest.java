package org.lianhu.org;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link OrganisationMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(
    properties = "spring.datasource.url=jdbc:h2:mem:organisation-mapper;DB_CLOSE_DELAY=-1")
class OrganisationMapperTest extends OrganisationMapperContract {}
