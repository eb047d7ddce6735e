package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.Cases;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Single edits, access, audit and the hand-over of a staff member's tasks. */
@OrganisationTest
class OrganisationAdminApiTest {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private IdentityService identity;
  @Autowired private TaskService tasks;
  @Autowired private CaseIntake intake;
  @Autowired private Cases cases;

  private AdminClient admin() {
    return new AdminClient(http);
  }

  private ResponseEntity<JsonNode> create(String kind, String code, Map<String, String> fields) {
    return admin()
        .send("qinfang", HttpMethod.POST, "/" + kind, Map.of("code", code, "fields", fields));
  }

  private ResponseEntity<JsonNode> patch(String kind, String code, Map<String, String> fields) {
    return admin()
        .send("qinfang", HttpMethod.PATCH, "/" + kind + "/" + code, Map.of("fields", fields));
  }

  private ResponseEntity<JsonNode> retire(String kind, String code, String successor) {
    return admin()
        .send(
            "qinfang",
            HttpMethod.POST,
            "/" + kind + "/" + code + "/retire",
            successor == null ? Map.of() : Map.of("successor", successor));
  }

  @Test
  void onlyTheCountysAdministratorsMayUseIt() {
    assertThat(admin().get(null, "/kinds").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String path : List.of("/kinds", "/streets", "/audit", "/checks", "/export.xlsx")) {
      ResponseEntity<JsonNode> refused = admin().get("wangli", path);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(admin().upload("sunli", new byte[] {1}, false).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin().get("qinfang", "/kinds").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin().get("demo", "/kinds").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void createRenameMoveAndRetireAreAuditedWithBeforeAndAfter() {
    assertThat(
            create("grids", "apigrid", Map.of("communityCode", "hepingli", "name", "临时网格"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(identity.createGroupQuery().groupId("gridapigrid").count()).isOne();
    assertThat(patch("grids", "apigrid", Map.of("name", "临时网格（改）")).getBody().get("name").asText())
        .isEqualTo("临时网格（改）");
    assertThat(identity.createGroupQuery().groupId("gridapigrid").singleResult().getName())
        .isEqualTo("临时网格（改）");
    assertThat(
            patch("grids", "apigrid", Map.of("communityCode", "qingnianlu"))
                .getBody()
                .get("parent")
                .asText())
        .isEqualTo("qingnianlu");
    assertThat(retire("grids", "apigrid", null).getBody().at("/item/retired").asBoolean()).isTrue();

    JsonNode audit = admin().get("qinfang", "/audit?entity=grids&code=apigrid").getBody();
    assertThat(audit.get("total").asInt()).isEqualTo(4);
    List<String> actions =
        audit.get("items").findValues("action").stream().map(JsonNode::asText).toList();
    assertThat(actions).containsExactly("retire", "update", "update", "create");
    JsonNode move = audit.get("items").get(1);
    assertThat(move.at("/before/communityCode").asText()).isEqualTo("hepingli");
    assertThat(move.at("/after/communityCode").asText()).isEqualTo("qingnianlu");
    assertThat(move.get("actor").asText()).isEqualTo("qinfang");
    // A retired grid places no new report.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from grid where code = 'apigrid' and retired_at is not null",
                Integer.class))
        .isOne();
  }

  @Test
  void retiringAWorkerHandsTheirTasksOverAndTheGridGoesToItsCommunity() {
    create("grids", "hogrid", Map.of("communityCode", "xinhua", "name", "交接网格"));
    create(
        "staff",
        "howorker",
        Map.of(
            "name",
            "交接甲",
            "unitKind",
            "grid",
            "unitCode",
            "hogrid",
            "initialPassword",
            "pw-123456"));
    create("staff", "hosucc", Map.of("name", "交接乙", "unitKind", "grid", "unitCode", "hogrid"));
    patch("grids", "hogrid", Map.of("workerUserId", "howorker"));
    create("units", "hounit", Map.of("gridCode", "hogrid", "name", "交接单元", "headName", "单元长"));

    CaseReceipt first = report("hounit");
    Task held = acceptance(first.caseNo());
    assertThat(held.getAssignee()).isEqualTo("howorker");

    ResponseEntity<JsonNode> retired = retire("staff", "howorker", "hosucc");
    assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(retired.getBody().get("handedOverTasks").asInt()).isOne();
    assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee())
        .isEqualTo("hosucc");
    assertThat(identity.checkPassword("howorker", "pw-123456")).isFalse();
    assertThat(cases.timeline(cases.byNo(first.caseNo()).orElseThrow().id()))
        .anyMatch(
            e -> e.action().equals("人员变动交接") && e.remark().contains("hosucc") && !e.publicEntry());

    // The grid has no worker now: its next report waits for the community office.
    CaseReceipt second = report("hounit");
    Task next = acceptance(second.caseNo());
    assertThat(next.getAssignee()).isNull();
    assertThat(
            tasks
                .createTaskQuery()
                .taskId(next.getId())
                .taskCandidateGroup("communityXinhua")
                .count())
        .isOne();

    // Moving the successor to another unit without a successor of their own gives the task back to
    // its candidate groups.
    ResponseEntity<JsonNode> moved =
        patch("staff", "hosucc", Map.of("unitKind", "community", "unitCode", "xinhua"));
    assertThat(moved.getBody().get("handedOverTasks").asInt()).isOne();
    assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee()).isNull();
    assertThat(identity.createUserQuery().userId("hosucc").memberOfGroup("communityXinhua").count())
        .isOne();
    assertThat(identity.createUserQuery().userId("hosucc").memberOfGroup("gridhogrid").count())
        .isZero();

    // A grid whose group still has open tasks cannot be retired (its unit can: units own no tasks).
    assertThat(retire("units", "hounit", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> gridRefused = retire("grids", "hogrid", null);
    assertThat(gridRefused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(gridRefused.getBody().get("errors").toString()).contains("待办任务");
  }

  @Test
  void aRetiredStaffMembersOpenSessionEndsAtTheirNextRequest() {
    create(
        "staff",
        "sessionman",
        Map.of(
            "name",
            "会话员",
            "unitKind",
            "community",
            "unitCode",
            "hepingli",
            "initialPassword",
            "session-pw-1"));
    ResponseEntity<JsonNode> opened =
        http.postForEntity(
            "/api/session",
            Map.of("user", "sessionman", "password", "session-pw-1"),
            JsonNode.class);
    String cookie = opened.getHeaders().getFirst(org.springframework.http.HttpHeaders.SET_COOKIE);
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set(org.springframework.http.HttpHeaders.COOKIE, cookie.split(";", 2)[0]);
    headers.set("X-Requested-With", "XMLHttpRequest");
    org.springframework.http.HttpEntity<Void> request =
        new org.springframework.http.HttpEntity<>(headers);
    assertThat(
            http.exchange("/api/staff/cases", HttpMethod.GET, request, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    retire("staff", "sessionman", null);

    assertThat(
            http.exchange("/api/staff/cases", HttpMethod.GET, request, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aLoginCreatedWithoutAPasswordRefusesEveryLoginUntilOneIsSet() {
    create("staff", "nopass", Map.of("name", "无密码", "unitKind", "street", "unitCode", "xicheng"));
    ResponseEntity<JsonNode> login =
        http.postForEntity(
            "/api/session", Map.of("user", "nopass", "password", "anything"), JsonNode.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // Another account: a refused login delays the next try of its own account by seconds.
    create("staff", "nopass2", Map.of("name", "无密码二", "unitKind", "street", "unitCode", "xicheng"));
    ResponseEntity<JsonNode> set =
        admin()
            .send(
                "qinfang",
                HttpMethod.POST,
                "/staff/nopass2/password",
                Map.of("password", "now-set-1"));
    assertThat(set.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identity.checkPassword("nopass2", "now-set-1")).isTrue();
  }

  private CaseReceipt report(String unit) {
    return intake.report(
        new ReportCaseRequest(
            "sanitation",
            "楼道堆放杂物",
            new Location("新华路东段1号", null, null, unit),
            null,
            new ReportCaseRequest.Reporter("赵六", "13912340000"),
            null),
        null);
  }

  private Task acceptance(String caseNo) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
  }

  @Test
  void badEditsAreRefusedWithAProblemAndChangeNothing() {
    assertThat(admin().get("qinfang", "/planets").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(patch("streets", "dongcheng", Map.of("colour", "red")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<JsonNode> group = patch("streets", "dongcheng", Map.of("groupId", "other"));
    assertThat(group.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(group.getBody().get("errors").toString()).contains("用户组不可更改");
    ResponseEntity<JsonNode> parent = retire("communities", "taoyuan", null);
    assertThat(parent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(parent.getBody().get("errors").toString()).contains("仍有未停用的网格");
    ResponseEntity<JsonNode> centre = retire("departments", "county_centre", null);
    assertThat(centre.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(centre.getBody().get("errors").toString()).contains("综治中心");
    assertThat(create("streets", "dongcheng", Map.of("name", "重复")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            create(
                    "staff",
                    "demo",
                    Map.of("name", "冒名", "unitKind", "grid", "unitCode", "hepingli1"))
                .getBody()
                .get("errors")
                .toString())
        .contains("组织以外");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from street where code = 'dongcheng' and retired_at is null",
                Integer.class))
        .isOne();
  }

  @Test
  void householdsPersonalDataIsMaskedInEveryAnswer() {
    create(
        "households",
        "apihh",
        Map.of(
            "unitCode", "taoyuan1a",
            "address", "桃园东组3号",
            "headName", "马大娘",
            "phone", "13811112222",
            "idNumber", "110105199001011232",
            "careFlags", "空巢"));
    JsonNode household = admin().get("qinfang", "/households/apihh").getBody();
    assertThat(household.at("/fields/phone").asText()).isEqualTo("138****2222");
    assertThat(household.at("/fields/idNumber").asText()).isEqualTo("110***********1232");
    assertThat(household.at("/fields/careFlags").asText()).isEqualTo("***");
    String audit =
        admin().get("qinfang", "/audit?entity=households&code=apihh").getBody().toString();
    assertThat(audit).doesNotContain("13811112222").doesNotContain("110105199001011232");
    // A masked number sent back stands for the stored one.
    patch("households", "apihh", Map.of("phone", "138****2222", "members", "2"));
    assertThat(
            jdbc.queryForObject("select phone from household where code = 'apihh'", String.class))
        .isEqualTo("13811112222");
  }
}
