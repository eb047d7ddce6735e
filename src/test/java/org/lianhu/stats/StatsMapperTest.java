package org.lianhu.stats;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link StatsMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:stats-mapper;DB_CLOSE_DELAY=-1")
class StatsMapperTest extends StatsMapperContract {}
