package org.lianhu.throttle;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link GuessMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:guess-mapper;DB_CLOSE_DELAY=-1")
class GuessMapperTest extends GuessMapperContract {}
