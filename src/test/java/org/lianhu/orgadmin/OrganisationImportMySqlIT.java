package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The organisation's statements on the MySQL-compatible server: export, re-import, a new unit with
 * its staff, an edit and a retirement, with the audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class OrganisationImportMySqlIT {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private IdentityService identity;

  @Test
  void theWorkbookRoundTripsAndEditsApplyOnMySql() {
    AdminClient admin = new AdminClient(http);
    JsonNode unchanged = admin.upload("demo", admin.export(), false).getBody();
    assertThat(unchanged.get("created").asInt() + unchanged.get("updated").asInt())
        .as(unchanged.toString())
        .isZero();

    OrgWorkbook workbook = OrgWorkbook.of(admin.export());
    workbook.add("街道", Map.of("代码", "mystreet", "名称", "北湖街道"));
    workbook.add("社区", Map.of("代码", "mycomm", "所属街道", "mystreet", "名称", "北湖社区", "类型", "村"));
    workbook.add(
        "网格",
        Map.of("代码", "mygrid", "所属社区", "mycomm", "名称", "北湖网格", "最小纬度", "30.1", "最大纬度", "30.2"));
    workbook.add(
        "住户",
        Map.of(
            "代码",
            "myhh",
            "所属联户单元",
            "hepingli1a",
            "地址",
            "和平里一区1号楼202",
            "户主",
            "周某",
            "电话",
            "13700007777"));
    workbook.add(
        "人员",
        Map.of(
            "账号", "myworker", "姓名", "北湖员", "所属层级", "网格", "所属单位代码", "mygrid", "初始密码", "mysql-pass"));
    JsonNode created = admin.upload("demo", workbook.bytes(), false).getBody();
    assertThat(created.get("created").asInt()).as(created.toString()).isEqualTo(5);
    assertThat(identity.checkPassword("myworker", "mysql-pass")).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select min_lat from grid where code = 'mygrid'", java.math.BigDecimal.class))
        .isEqualByComparingTo("30.1");

    JsonNode again = admin.upload("demo", workbook.bytes(), false).getBody();
    assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();

    assertThat(
            admin
                .send(
                    "demo",
                    HttpMethod.PATCH,
                    "/grids/mygrid",
                    Map.of("fields", Map.of("minLat", "", "maxLat", "")))
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from grid where code = 'mygrid' and min_lat is null",
                Integer.class))
        .isOne();
    assertThat(
            admin.send("demo", HttpMethod.POST, "/staff/myworker/retire", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(identity.createUserQuery().userId("myworker").count()).isZero();
    assertThat(admin.get("demo", "/audit?code=mygrid").getBody().get("total").asInt()).isEqualTo(2);
    assertThat(admin.get("demo", "/streets?q=北湖").getBody().get("total").asInt()).isOne();
  }
}
