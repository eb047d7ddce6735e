package org.lianhu.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.support.DemoCalls;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A head's archive (履职档案) over HTTP: a new head of a test unit of 桃园村 records an activity and reads
 * their own archive and its XLSX; the community office, the street and the county read it; another
 * community's office and another head are refused; a head who left keeps their archive.
 */
@PostsTest
class HeadArchiveTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private TestRestTemplate http;
  @Autowired private CountyClock clock;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static final String PASSWORD = "Xin-Tou-2026";

  private ResponseEntity<JsonNode> asHead(
      String head, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(head, PASSWORD);
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    headers.set("X-Requested-With", "XMLHttpRequest");
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String path, String user) {
    return DemoCalls.call(http, HttpMethod.GET, path, user, null);
  }

  @Test
  void theHeadTheirOfficesAndTheCountyReadTheArchiveAndNobodyElse() throws Exception {
    SelectionDriver driver = new SelectionDriver(context);
    String unit = TestUnits.create(jdbc);
    String head = driver.appoint(unit, "苗秀兰", "13700001818");
    ClockUtil.reset();
    long post =
        jdbc.queryForObject(
            "select post_id from head_term where head_user_id = ?", Long.class, head);
    assertThat(
            DemoCalls.call(
                    http,
                    HttpMethod.PUT,
                    "/api/staff/head-posts/" + post + "/head-password",
                    "hejun",
                    Map.of("password", PASSWORD))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            asHead(
                    head,
                    HttpMethod.POST,
                    "/api/unit/activities",
                    Map.of(
                        "heldOn", clock.today().toString(), "title", "楼道清洁日", "participants", 12))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    JsonNode own = asHead(head, HttpMethod.GET, "/api/heads/" + head + "/archive", null).getBody();
    assertThat(own.get("headName").asText()).isEqualTo("苗秀兰");
    assertThat(own.get("terms")).hasSize(1);
    assertThat(own.get("terms").get(0).get("unitCode").asText()).isEqualTo(unit);
    assertThat(own.get("activities").findValuesAsText("title")).containsExactly("楼道清洁日");
    assertThat(own.get("training").get("inductionDone").asBoolean()).isFalse();

    for (String reader : List.of("hejun", "linlin", "qinfang")) {
      assertThat(get("/api/heads/" + head + "/archive", reader).getStatusCode())
          .as(reader)
          .isEqualTo(HttpStatus.OK);
    }
    for (String outsider : List.of("fengxia", "mayulan", "sunli", "gaofeng")) {
      assertThat(get("/api/heads/" + head + "/archive", outsider).getStatusCode())
          .as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get("/api/heads/" + head + "/archive", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(head, PASSWORD);
    ResponseEntity<byte[]> xlsx =
        http.exchange(
            "/api/heads/" + head + "/archive.xlsx",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactly("任职", "走访", "邻里活动", "培训", "考核", "评优", "补贴");
      assertThat(book.getSheet("邻里活动").getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("楼道清洁日");
    }

    driver.as(
        "hejun", () -> context.getBean(org.lianhu.posts.Posts.class).open(unit, "resigned", null));
    JsonNode after = get("/api/heads/" + head + "/archive", "hejun").getBody();
    assertThat(after.get("terms").get(0).get("endReason").asText()).isEqualTo("resigned");
  }
}
