package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The workbook: template, export, import with its report, and the files it refuses. */
@OrganisationTest
class OrganisationWorkbookTest {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private IdentityService identity;
  @Autowired private AuthorizationService authorizations;
  @Autowired private HeadLoginWriter headLogins;

  private AdminClient admin() {
    return new AdminClient(http);
  }

  private int organisationRows() {
    return jdbc.queryForObject(
        "select (select count(*) from street) + (select count(*) from community)"
            + " + (select count(*) from grid) + (select count(*) from liaison_unit)"
            + " + (select count(*) from household) + (select count(*) from staff)"
            + " + (select count(*) from organisation_audit)",
        Integer.class);
  }

  @Test
  void theTemplateHasEverySheetWithItsHeaders() throws IOException {
    ResponseEntity<byte[]> template = admin().download("qinfang", "/template.xlsx");
    assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(template.getHeaders().getContentType().toString()).contains("spreadsheetml");
    OrgWorkbook workbook = OrgWorkbook.of(template.getBody());
    List<String> sheets = new ArrayList<>();
    for (OrgKind kind : OrgKind.values()) {
      sheets.add(kind.sheet());
      // Throws when a header is missing.
      workbook.add(kind.sheet(), Map.of(kind.fields().get(0).label(), "x"));
    }
    assertThat(org.lianhu.support.Workbooks.sheetName(template.getBody(), 0)).isEqualTo("街道");
    assertThat(org.lianhu.support.Workbooks.rows(template.getBody(), 2).get(0))
        .containsExactly(
            "代码", "所属社区", "名称", "用户组", "网格员账号", "地址关键词", "最小纬度", "最大纬度", "最小经度", "最大经度", "停用");
    assertThat(sheets).hasSize(9);
  }

  @Test
  void reImportingTheExportChangesNothing() {
    int before = organisationRows();
    ResponseEntity<JsonNode> answer = admin().upload("qinfang", admin().export(), false);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = answer.getBody();
    assertThat(result.get("created").asInt()).isZero();
    assertThat(result.get("updated").asInt()).isZero();
    assertThat(result.get("retired").asInt()).isZero();
    assertThat(result.get("unchanged").asInt()).isGreaterThan(80);
    assertThat(organisationRows()).isEqualTo(before);
  }

  @Test
  void newLevelsAndStaffTakeEffectAtOnceAndAReImportIsIdempotent() throws Exception {
    OrgWorkbook workbook = OrgWorkbook.of(admin().export());
    workbook.add("街道", Map.of("代码", "wbstreet", "名称", "湖滨街道", "地址关键词", "湖滨"));
    workbook.add("社区", Map.of("代码", "wbcomm", "所属街道", "wbstreet", "名称", "湖滨社区", "类型", "社区"));
    workbook.add(
        "网格", Map.of("代码", "wbgrid", "所属社区", "wbcomm", "名称", "湖滨第一网格", "网格员账号", "wbworker"));
    workbook.add(
        "联户单元",
        Map.of(
            "代码",
            "wbunit",
            "所属网格",
            "wbgrid",
            "名称",
            "湖滨1号楼",
            "联户长",
            "钱多多",
            "联户长电话",
            "13900001234",
            "联户长账号",
            "wbhead",
            "联户长初始密码",
            "head-pass-1"));
    workbook.add(
        "住户",
        Map.of(
            "代码",
            "wbhh1",
            "所属联户单元",
            "wbunit",
            "地址",
            "湖滨1号楼101",
            "户主",
            "孙大爷",
            "电话",
            "13900005678",
            "身份证号",
            "11010519491231002X",
            "人数",
            "1",
            "关爱标记",
            "独居老人,低保"));
    workbook.add(
        "人员",
        Map.of(
            "账号",
            "wbworker",
            "姓名",
            "吴网格",
            "手机",
            "13900009999",
            "所属层级",
            "网格",
            "所属单位代码",
            "wbgrid",
            "初始密码",
            "first-pass-1"));
    byte[] file = workbook.bytes();

    JsonNode result = admin().upload("qinfang", file, false).getBody();
    assertThat(result.get("created").asInt()).as(result.toString()).isEqualTo(6);

    assertThat(identity.checkPassword("wbworker", "first-pass-1")).isTrue();
    assertThat(identity.createGroupQuery().groupId("gridwbgrid").singleResult().getName())
        .isEqualTo("湖滨第一网格");
    assertThat(identity.createGroupQuery().groupId("streetwbstreet").singleResult().getName())
        .isEqualTo("湖滨街道协调中心");
    assertThat(identity.createUserQuery().memberOfGroup("gridwbgrid").userId("wbworker").count())
        .isOne();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("gridwbgrid")
                .resourceType(Resources.APPLICATION)
                .resourceId("tasklist")
                .hasPermission(Permissions.ACCESS)
                .count())
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "select care_flags from household where code = 'wbhh1'", String.class))
        .isEqualTo("elderly_alone,subsistence");
    // The head's login follows the answer: it logs in, in the unit's group and the community's
    // heads' group, which has Tasklist.
    assertThat(result.get("headLoginsPending").asInt()).isOne();
    headLogins.awaitIdle(Duration.ofSeconds(30));
    assertThat(admin().get("qinfang", "/identity").getBody().get("headLoginsPending").asInt())
        .isZero();
    assertThat(identity.checkPassword("wbhead", "head-pass-1")).isTrue();
    // The import's heads have their terms, written in one pass at the end of the import.
    assertThat(
            jdbc.queryForObject(
                "select unit_code from head_term where open_head = 'wbhead'", String.class))
        .isEqualTo("wbunit");
    assertThat(
            identity.createGroupQuery().groupMember("wbhead").list().stream()
                .map(g -> g.getId() + "=" + g.getName()))
        .containsExactlyInAnyOrder("unitwbunit=湖滨1号楼", "headsCommunitywbcomm=湖滨社区联户长");
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("headsCommunitywbcomm")
                .resourceType(Resources.APPLICATION)
                .resourceId("tasklist")
                .hasPermission(Permissions.ACCESS)
                .count())
        .isOne();
    // The unit's group carries no grant of its own (Camunda gives its members only READ on it).
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("unitwbunit")
                .resourceType(Resources.APPLICATION)
                .count())
        .isZero();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .groupIdIn("unitwbunit")
                .resourceType(Resources.PROCESS_DEFINITION)
                .count())
        .isZero();

    JsonNode again = admin().upload("qinfang", file, false).getBody();
    assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();

    // The export masks the household's numbers; re-importing the masked export changes nothing.
    OrgWorkbook exported = OrgWorkbook.of(admin().export());
    assertThat(exported.get("住户", "wbhh1", "电话")).isEqualTo("139****5678");
    assertThat(exported.get("住户", "wbhh1", "身份证号")).isEqualTo("110***********002X");
    assertThat(exported.get("人员", "wbworker", "初始密码")).isNull();
    assertThat(exported.get("联户单元", "wbunit", "联户长初始密码")).isNull();
    assertThat(exported.get("联户单元", "wbunit", "联户长账号")).isEqualTo("wbhead");
    JsonNode masked = admin().upload("qinfang", exported.bytes(), false).getBody();
    assertThat(masked.get("updated").asInt()).isZero();
    assertThat(
            jdbc.queryForObject("select phone from household where code = 'wbhh1'", String.class))
        .isEqualTo("13900005678");

    // A new head in the workbook replaces the former one's login.
    exported.set("联户单元", "wbunit", "联户长账号", "wbhead2");
    exported.set("联户单元", "wbunit", "联户长初始密码", "head-pass-2");
    assertThat(admin().upload("qinfang", exported.bytes(), false).getBody().get("updated").asInt())
        .isOne();
    headLogins.awaitIdle(Duration.ofSeconds(30));
    assertThat(identity.createUserQuery().userId("wbhead").count()).isZero();
    assertThat(identity.checkPassword("wbhead2", "head-pass-2")).isTrue();
  }

  @Test
  void aChangedRowUpdatesByCodeAndAMissingRowIsNotDeleted() {
    OrgWorkbook workbook = OrgWorkbook.of(admin().export());
    workbook.add("街道", Map.of("代码", "keepme", "名称", "保留街道"));
    admin().upload("qinfang", workbook.bytes(), false);

    OrgWorkbook changed = OrgWorkbook.of(admin().export());
    changed.set("街道", "keepme", "名称", "保留街道（新名）");
    JsonNode result = admin().upload("qinfang", changed.bytes(), false).getBody();
    assertThat(result.get("updated").asInt()).isOne();
    assertThat(jdbc.queryForObject("select name from street where code = 'keepme'", String.class))
        .isEqualTo("保留街道（新名）");

    // A workbook without the row leaves it alone; only 停用 retires it.
    admin().upload("qinfang", OrgWorkbook.of(admin().export()).without("街道", "keepme"), false);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from street where code = 'keepme' and retired_at is null",
                Integer.class))
        .isOne();
    OrgWorkbook retire = OrgWorkbook.of(admin().export());
    retire.set("街道", "keepme", "停用", "是");
    assertThat(admin().upload("qinfang", retire.bytes(), false).getBody().get("retired").asInt())
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from street where code = 'keepme' and retired_at is not null",
                Integer.class))
        .isOne();

    // An old workbook (停用 empty) leaves the retired row retired; only 否 brings it back.
    OrgWorkbook old = OrgWorkbook.of(admin().export());
    old.set("街道", "keepme", "停用", "");
    assertThat(admin().upload("qinfang", old.bytes(), false).getBody().get("updated").asInt())
        .isZero();
    OrgWorkbook back = OrgWorkbook.of(admin().export());
    back.set("街道", "keepme", "停用", "否");
    assertThat(admin().upload("qinfang", back.bytes(), false).getBody().get("updated").asInt())
        .isOne();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from street where code = 'keepme' and retired_at is null",
                Integer.class))
        .isOne();
  }

  @Test
  void everyBadRowIsReportedWithSheetRowAndColumnAndNothingChanges() {
    int before = organisationRows();
    OrgWorkbook workbook = OrgWorkbook.of(admin().export());
    int unknownParent =
        workbook.add("网格", Map.of("代码", "badgrid", "所属社区", "nowhere", "名称", "无主网格"));
    int duplicate = workbook.add("街道", Map.of("代码", "dongcheng", "名称", "又一个东城"));
    int badPhone =
        workbook.add(
            "联户单元",
            Map.of(
                "代码", "badunit1", "所属网格", "hepingli1", "名称", "甲", "联户长", "甲长", "联户长电话", "12345"));
    // A unit may have no head (the post is vacant), but a head's login needs the head's name.
    int noHead =
        workbook.add(
            "联户单元", Map.of("代码", "badunit2", "所属网格", "hepingli1", "名称", "乙", "联户长账号", "yizhang"));
    int badId =
        workbook.add(
            "住户",
            Map.of(
                "代码",
                "badhh",
                "所属联户单元",
                "hepingli1a",
                "地址",
                "某处",
                "户主",
                "某人",
                "身份证号",
                "110105194912310021"));
    int script = workbook.add("街道", Map.of("代码", "xss", "名称", "<script>alert(1)</script>"));
    int sql = workbook.add("街道", Map.of("代码", "sqli", "名称", "x'; drop table street; --"));
    int takenGroup =
        workbook.add("街道", Map.of("代码", "grpdup", "名称", "组重复街道", "用户组", "communityHepingli"));
    int categories = workbook.set("部门", "water", "负责类别", "noise");
    int routing = workbook.set("部门", "power", "停用", "是");

    ResponseEntity<JsonNode> answer = admin().upload("qinfang", workbook.bytes(), false);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getBody().get("type").asText()).isEqualTo("/problems/invalid-workbook");
    List<String> errors = new ArrayList<>();
    answer
        .getBody()
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("sheet").asText()
                        + "|"
                        + e.path("row").asText()
                        + "|"
                        + e.path("column").asText()
                        + "|"
                        + e.get("reason").asText()));
    assertThat(errors)
        .anyMatch(e -> e.startsWith("网格|" + unknownParent + "|所属社区|") && e.contains("nowhere"))
        .anyMatch(e -> e.startsWith("街道|" + duplicate + "|代码|") && e.contains("重复"))
        .anyMatch(e -> e.startsWith("联户单元|" + badPhone + "|联户长电话|"))
        .anyMatch(e -> e.startsWith("联户单元|" + noHead + "|联户长|设了联户长账号须填写联户长姓名"))
        .anyMatch(e -> e.startsWith("住户|" + badId + "|身份证号|") && e.contains("校验位"))
        .anyMatch(e -> e.startsWith("街道|" + script + "|名称|") && e.contains("不允许的字符"))
        .anyMatch(e -> e.startsWith("街道|" + sql + "|名称|") && e.contains("不允许的字符"))
        .anyMatch(e -> e.startsWith("街道|" + takenGroup + "|用户组|") && e.contains("社区 hepingli"))
        .anyMatch(e -> e.startsWith("部门|" + categories + "|负责类别|") && e.contains("决策表"))
        .anyMatch(e -> e.startsWith("部门|" + routing + "|代码|") && e.contains("power"));
    assertThat(organisationRows()).isEqualTo(before);
  }

  @Test
  void aDryRunCountsButChangesNothing() {
    int before = organisationRows();
    OrgWorkbook workbook = OrgWorkbook.of(admin().export());
    workbook.add("街道", Map.of("代码", "dryrun", "名称", "试算街道"));
    JsonNode result = admin().upload("qinfang", workbook.bytes(), true).getBody();
    assertThat(result.get("dryRun").asBoolean()).isTrue();
    assertThat(result.get("created").asInt()).isOne();
    assertThat(organisationRows()).isEqualTo(before);
    assertThat(identity.createGroupQuery().groupId("streetdryrun").count()).isZero();
  }

  @Test
  void filesThatAreNoWorkbookOfTheOrganisationAreRefusedWithAProblem() throws IOException {
    assertRefused(
        admin().upload("qinfang", "code,name\n1,2\n".getBytes(StandardCharsets.UTF_8), false),
        "/problems/unsupported-workbook",
        "Excel");

    OrgWorkbook missingSheet = OrgWorkbook.of(admin().export());
    missingSheet.removeSheet("住户");
    assertRefused(
        admin().upload("qinfang", missingSheet.bytes(), false), "/problems/invalid-workbook", "住户");

    OrgWorkbook missingColumn = OrgWorkbook.of(admin().export());
    missingColumn.renameHeader("网格", "名称", "网格名");
    assertRefused(
        admin().upload("qinfang", missingColumn.bytes(), false),
        "/problems/invalid-workbook",
        "名称");

    OrgWorkbook formula = OrgWorkbook.of(admin().export());
    formula.formula("街道", "dongcheng", "名称", "CONCATENATE(\"东\",\"城\")");
    ResponseEntity<JsonNode> formulaAnswer = admin().upload("qinfang", formula.bytes(), false);
    assertThat(formulaAnswer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(formulaAnswer.getBody().get("errors").toString()).contains("公式");

    assertRefused(
        admin().upload("qinfang", handMade(100_000_000, 0), false),
        "/problems/unsupported-workbook",
        "压缩炸弹");
    assertRefused(
        admin().upload("qinfang", handMade(0, WorkbookReader.MAX_ROWS + 1), false),
        "/problems/invalid-workbook",
        "1000000");
  }

  @Test
  void anUploadWithoutItsFileIsABadRequest() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setBasicAuth("qinfang", "demo");
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    org.springframework.util.MultiValueMap<String, Object> parts =
        new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("note", "no file");
    ResponseEntity<JsonNode> answer =
        http.exchange(
            AdminClient.API + "/import",
            org.springframework.http.HttpMethod.POST,
            new org.springframework.http.HttpEntity<>(parts, headers),
            JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("detail").asText()).contains("file");
  }

  private static void assertRefused(ResponseEntity<JsonNode> answer, String type, String detail) {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(answer.getBody().get("type").asText()).isEqualTo(type);
    assertThat(answer.getBody().get("detail").asText()).contains(detail);
  }

  /**
   * A workbook of all nine sheets written by hand: the streets sheet padded with that many spaces
   * (a zip bomb: they compress a thousandfold) or holding that many rows.
   */
  private static byte[] handMade(int padding, int rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      OrgKind[] kinds = OrgKind.values();
      StringBuilder types =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                  + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
      StringBuilder sheets = new StringBuilder();
      StringBuilder rels = new StringBuilder();
      for (int i = 1; i <= kinds.length; i++) {
        types.append(
            "<Override PartName=\"/xl/worksheets/sheet"
                + i
                + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        sheets.append(
            "<sheet name=\""
                + kinds[i - 1].sheet()
                + "\" sheetId=\""
                + i
                + "\" r:id=\"rId"
                + i
                + "\"/>");
        rels.append(
            "<Relationship Id=\"rId"
                + i
                + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet"
                + i
                + ".xml\"/>");
      }
      types.append("</Types>");
      entry(zip, "[Content_Types].xml", types.toString());
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          "xl/workbook.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
              + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
              + sheets
              + "</sheets></workbook>");
      entry(
          zip,
          "xl/_rels/workbook.xml.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + rels
              + "</Relationships>");
      for (int i = 1; i <= kinds.length; i++) {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
        Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        out.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        out.write("<row r=\"1\">");
        List<Field> fields = kinds[i - 1].fields();
        for (int c = 0; c < fields.size(); c++) {
          out.write(
              "<c r=\""
                  + (char) ('A' + c)
                  + "1\" t=\"inlineStr\"><is><t>"
                  + fields.get(c).label()
                  + "</t></is></c>");
        }
        out.write("</row>");
        if (i == 1) {
          char[] spaces = new char[1 << 16];
          java.util.Arrays.fill(spaces, ' ');
          for (long written = 0; written < padding; written += spaces.length) {
            out.write(spaces);
          }
          for (int r = 2; r <= rows + 1; r++) {
            out.write(
                "<row r=\""
                    + r
                    + "\"><c r=\"A"
                    + r
                    + "\" t=\"inlineStr\"><is><t>s"
                    + r
                    + "</t></is></c></row>");
          }
        }
        out.write("</sheetData></worksheet>");
        out.flush();
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
