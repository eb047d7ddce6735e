package org.lianhu.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianhu.support.MapperTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code OrganisationMapper.xml} against a real database, on rows each test writes itself; run on
 * H2 ({@link OrganisationMapperTest}) and MariaDB ({@link OrganisationMapperMySqlIT}).
 */
@MapperTest
abstract class OrganisationMapperContract {

  @Autowired OrganisationMapper organisation;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theStreetsOwnOfficeComesBeforeTheCountyWideOne() {
    street("nanhu", "南湖街道");
    jdbc.update(
        "insert into department (code, name, group_id) values ('testdept', '测试局', 'deptTest')");
    jdbc.update(
        "insert into department_office (department_code, street_code, name, group_id) values"
            + " ('testdept', null, '测试局县中心', 'officeTestCounty'),"
            + " ('testdept', 'nanhu', '测试局南湖所', 'officeTestNanhu')");

    assertThat(organisation.officesServing("testdept", "nanhu"))
        .extracting(DepartmentOffice::groupId)
        .containsExactly("officeTestNanhu", "officeTestCounty");
    assertThat(organisation.officesServing("testdept", "elsewhere"))
        .extracting(DepartmentOffice::groupId)
        .containsExactly("officeTestCounty");
  }

  @Test
  void aGroupIsNamedFromTheTableThatOwnsIt() {
    street("nanhu", "南湖街道");
    jdbc.update(
        "insert into mediation_body (street_code, kind, name, group_id) values"
            + " ('nanhu', 'people', '南湖人民调解委员会', 'mediationPeopleNanhu')");

    assertThat(organisation.groupName("streetNanhu")).isEqualTo("南湖街道协调中心");
    assertThat(organisation.groupName("mediationPeopleNanhu")).isEqualTo("南湖人民调解委员会");
    assertThat(organisation.groupName("noSuchGroup")).isNull();
    assertThat(organisation.mediationBodiesServing("people", "nanhu"))
        .extracting(MediationBody::groupId)
        .startsWith("mediationPeopleNanhu");
  }

  @Test
  void aStreetReadsBackByItsCode() {
    street("nanhu", "南湖街道");

    assertThat(organisation.street("nanhu"))
        .isEqualTo(new Street("nanhu", "南湖街道", "streetNanhu", "南湖"));
    assertThat(organisation.streets()).extracting(Street::code).contains("nanhu");
    assertThat(organisation.street("nowhere")).isNull();
  }

  private void street(String code, String name) {
    jdbc.update(
        "insert into street (code, name, group_id, address_keywords) values (?, ?, ?, ?)",
        code,
        name,
        "street" + Character.toUpperCase(code.charAt(0)) + code.substring(1),
        name.substring(0, 2));
  }
}
