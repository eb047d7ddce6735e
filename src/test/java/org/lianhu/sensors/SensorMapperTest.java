package org.lianhu.sensors;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link SensorMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(
    properties = "spring.datasource.url=jdbc:h2:mem:sensor-mapper;DB_CLOSE_DELAY=-1")
class SensorMapperTest extends SensorMapperContract {}
