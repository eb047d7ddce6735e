package org.lianhu.allowance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.evaluation.Evaluation;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.liaison.Activities;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.DemoCalls;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The street's monthly pay sheet drawn up, approved and then never changed; an activity recorded
 * after its month's sheet was final paid as a correction line on a later sheet; the annual award
 * behind the honour allowance; who reads and approves. Each test works on a street and month of its
 * own: 西城街道 November, 东城街道 November and December, 东城街道 October.
 */
@PostsTest
class PaySheetsTest {

  @Autowired private ApplicationContext context;
  @Autowired private PaySheets sheets;
  @Autowired private Awards awards;
  @Autowired private Evaluations evaluations;
  @Autowired private Activities activities;
  @Autowired private OrganisationDirectory directory;
  @Autowired private TestRestTemplate http;

  private SelectionDriver driver;

  @BeforeEach
  void driver() {
    driver = new SelectionDriver(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static String lastMonth() {
    return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
  }

  private static PayLine lineOf(List<PayLine> lines, String head, String forMonth) {
    return lines.stream()
        .filter(l -> l.headUserId().equals(head) && l.forMonth().equals(forMonth))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line of " + head + " for " + forMonth));
  }

  @Test
  void theStreetDrawsUpAndApprovesTheSheetAndAFinalSheetNeverChanges() throws Exception {
    String month = lastMonth();
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> driver.as("fengxia", () -> sheets.draw("xicheng", month)))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    driver.as(
        "fengxia",
        () -> {
          sheets.bankAccount("xuguiying", "6222 0202 0011 2233 445");
          return null;
        });
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        driver.as(
                            "hejun",
                            () -> {
                              sheets.bankAccount("xuguiying", "6222020200112233445");
                              return null;
                            }))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);

    PaySheet draft = driver.as("linlin", () -> sheets.draw("xicheng", month));
    PayLine xuguiying =
        lineOf(driver.as("linlin", () -> sheets.lines(draft.id())), "xuguiying", month);
    int days = java.time.YearMonth.parse(month).lengthOfMonth();
    assertThat(xuguiying.daysInPost()).isEqualTo(days);
    assertThat(xuguiying.base()).isEqualByComparingTo("200.00");
    assertThat(xuguiying.total())
        .isEqualByComparingTo(
            xuguiying.base().add(xuguiying.performance()).add(xuguiying.honour()));
    assertThat(driver.as("linlin", () -> sheets.draw("xicheng", month)).id())
        .as("drawn again")
        .isEqualTo(draft.id());

    assertThat(driver.as("fengxia", () -> sheets.lines(draft.id())))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.communityCode()).isEqualTo("xinhua"));
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> driver.as("fengxia", () -> sheets.approve(draft.id())))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    PaySheet approved = driver.as("linlin", () -> sheets.approve(draft.id()));
    assertThat(approved.isFinal()).isTrue();
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> driver.as("linlin", () -> sheets.draw("xicheng", month)))
                .type())
        .isEqualTo("sheet-final");
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> driver.as("linlin", () -> sheets.approve(draft.id())))
                .type())
        .isEqualTo("sheet-final");

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("linlin", "demo");
    ResponseEntity<byte[]> xlsx =
        http.exchange(
            "/api/staff/pay-sheets/" + draft.id() + "/xlsx",
            HttpMethod.GET,
            new HttpEntity<>(headers),
            byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("已审定");
      boolean found = false;
      for (Row row : book.getSheetAt(0)) {
        if (row.getRowNum() > 1 && "徐桂英".equals(row.getCell(0).getStringCellValue())) {
          assertThat(row.getCell(9).getStringCellValue()).isEqualTo("6222 **** **** 3445");
          assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(200.0);
          found = true;
        }
      }
      assertThat(found).as("徐桂英's row").isTrue();
    }

    ResponseEntity<JsonNode> own =
        DemoCalls.call(http, HttpMethod.GET, "/api/unit/pay", "xuguiying", null);
    assertThat(own.getBody().get("bankAccount").asText()).isEqualTo("6222 **** **** 3445");
    assertThat(own.getBody().get("lines").findValuesAsText("headUserId")).containsOnly("xuguiying");
    assertThat(
            DemoCalls.call(
                    http, HttpMethod.GET, "/api/staff/pay-sheets/" + draft.id(), "xuguiying", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anActivityRecordedAfterItsMonthsSheetWasFinalIsPaidAsACorrectionOnTheNextSheet() {
    String month = lastMonth();
    String thisMonth = java.time.YearMonth.parse(month).plusMonths(1).toString();
    PaySheet november = driver.as("gaofeng", () -> sheets.draw("dongcheng", month));
    PayLine before =
        lineOf(driver.as("gaofeng", () -> sheets.lines(november.id())), "liudeming", month);
    driver.as("gaofeng", () -> sheets.approve(november.id()));

    LocalDate heldOn = java.time.YearMonth.parse(month).atDay(20);
    activities.record(
        directory.headOf("liudeming").orElseThrow(),
        new Activities.NewActivity(heldOn, "重阳节敬老活动", 25));
    PaySheet december = driver.as("gaofeng", () -> sheets.draw("dongcheng", thisMonth));
    List<PayLine> lines = driver.as("gaofeng", () -> sheets.lines(december.id()));
    PayLine correction =
        lines.stream()
            .filter(l -> l.headUserId().equals("liudeming") && l.forMonth().equals(month))
            .findFirst()
            .orElseThrow();
    assertThat(correction.note()).isEqualTo("补差：" + month);
    assertThat(correction.performance()).isEqualByComparingTo("20.00");
    assertThat(correction.base()).isEqualByComparingTo("0");
    assertThat(correction.total()).isEqualByComparingTo("20.00");
    assertThat(lineOf(driver.as("gaofeng", () -> sheets.lines(november.id())), "liudeming", month))
        .as("the final sheet")
        .isEqualTo(before);
    assertThat(lines.stream().filter(l -> l.forMonth().equals(month)).count())
        .as("no other correction")
        .isEqualTo(1);
    driver.as("gaofeng", () -> sheets.draw("dongcheng", thisMonth));
    assertThat(
            driver.as("gaofeng", () -> sheets.lines(december.id())).stream()
                .filter(l -> l.forMonth().equals(month))
                .count())
        .as("drawn again: the correction once")
        .isEqualTo(1);
  }

  @Test
  void anOutstandingHeadApprovedInTheAnnualAwardIsPaidTheHonourAllowanceTheNextYear() {
    int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("sunli", () -> awards.nominate(year, "wangguilan", "带头调解纠纷")))
                .type())
        .isEqualTo("not-eligible");
    evaluations.openForStreet("dongcheng", LocalDate.of(year, 10, 1));
    Evaluation e =
        evaluations.ofHead("wangguilan").stream()
            .filter(x -> x.quarter().equals(year + "Q4"))
            .findFirst()
            .orElseThrow();
    String key = "eval" + e.id();
    driver.complete(
        "sunli",
        driver.task(key, "scoreHead"),
        Map.of("organisationScore", 100, "organisationNote", "全年表现突出"));
    driver.fire(key, "ratingClosed");
    driver.fire(key, "appealWindowOver");
    ClockUtil.reset();

    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("gaofeng", () -> awards.nominate(year, "wangguilan", "x")))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    Award nominated =
        driver.as("sunli", () -> awards.nominate(year, "wangguilan", "全年走访全覆盖，带头调解纠纷三起"));
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("sunli", () -> awards.nominate(year, "wangguilan", "再推荐一次")))
                .type())
        .isEqualTo("award-nominated");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("sunli", () -> awards.decide(nominated.id(), true, null)))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(driver.as("gaofeng", () -> awards.decide(nominated.id(), true, "评为优秀联户长")).status())
        .isEqualTo(Award.APPROVED);
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("gaofeng", () -> awards.decide(nominated.id(), false, null)))
                .type())
        .isEqualTo("award-decided");

    String october = (year + 1) + "-10";
    PaySheet sheet = driver.as("gaofeng", () -> sheets.draw("dongcheng", october));
    List<PayLine> octoberLines = driver.as("gaofeng", () -> sheets.lines(sheet.id()));
    PayLine honoured = lineOf(octoberLines, "wangguilan", october);
    assertThat(honoured.honour()).isEqualByComparingTo("100.00");
    assertThat(lineOf(octoberLines, "liudeming", october).honour()).isEqualByComparingTo("0");
  }
}
