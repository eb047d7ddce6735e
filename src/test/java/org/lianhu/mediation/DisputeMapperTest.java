package org.lianhu.mediation;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link DisputeMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(
    properties = "spring.datasource.url=jdbc:h2:mem:dispute-mapper;DB_CLOSE_DELAY=-1")
class DisputeMapperTest extends DisputeMapperContract {}
