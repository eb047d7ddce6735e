package org.lianhu.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class OrganisationDirectoryTest {

  @Autowired OrganisationDirectory directory;

  @Test
  void aGroupIsNamedAsInTheListOfAllGroups() {
    List<Option> all = directory.allGroups();
    Map<String, String> firstLabel = new LinkedHashMap<>();
    all.forEach(option -> firstLabel.putIfAbsent(option.value(), option.label()));
    assertThat(firstLabel).hasSizeGreaterThan(10);
    firstLabel.forEach(
        (groupId, label) -> assertThat(directory.groupName(groupId)).as(groupId).isEqualTo(label));
  }

  @Test
  void anUnknownGroupIsNamedByItsId() {
    assertThat(directory.groupName("noSuchGroup")).isEqualTo("noSuchGroup");
    assertThat(directory.groupName(null)).isNull();
  }
}
