package org.lianhu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The covering indexes of the authorization check exist on the embedded database as well. */
@EngineTest
class AuthorizationIndexesTest {

  @Autowired private DataSource dataSource;

  @Test
  void bothIndexesAreCreatedAtStart() {
    assertThat(AuthorizationIndexes.indexesOf(dataSource, "ACT_RU_AUTHORIZATION"))
        .containsAll(AuthorizationIndexes.INDEXES.keySet());
  }
}
