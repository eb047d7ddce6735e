package org.lianhu.cases;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** {@link CaseMapperContract} on H2, in a database of its own. */
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:case-mapper;DB_CLOSE_DELAY=-1")
class CaseMapperTest extends CaseMapperContract {}
