package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Heads' logins through the admin API: created, changed, reset, retired, and what is refused. */
@OrganisationTest
class LiaisonHeadsTest {

  @Autowired private TestRestTemplate http;
  @Autowired private IdentityService identity;
  @Autowired private TaskService tasks;

  private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
    return new AdminClient(http).send("qinfang", method, path, body);
  }

  private ResponseEntity<JsonNode> createUnit(String code, Map<String, String> fields) {
    return send(HttpMethod.POST, "/units", Map.of("code", code, "fields", fields));
  }

  private ResponseEntity<JsonNode> patchUnit(String code, Map<String, String> fields) {
    return send(HttpMethod.PATCH, "/units/" + code, Map.of("fields", fields));
  }

  private java.util.List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void aHeadsLoginFollowsTheUnitFromCreationToRetirement() {
    assertThat(
            createUnit(
                    "lhunit1",
                    Map.of(
                        "gridCode", "hepingli1",
                        "name", "联户测试一",
                        "headName", "甲联户长",
                        "headUserId", "lhheada",
                        "headPassword", "head-pass-a"))
                .getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(identity.checkPassword("lhheada", "head-pass-a")).isTrue();
    assertThat(groupsOf("lhheada"))
        .containsExactlyInAnyOrder("unitlhunit1", "headsCommunityHepingli");

    // A task the head holds passes to the new head, whose login replaces the old one.
    Task held = tasks.newTask();
    held.setName("联户长接单");
    held.setAssignee("lhheada");
    tasks.saveTask(held);
    ResponseEntity<JsonNode> changed =
        patchUnit(
            "lhunit1",
            Map.of("headName", "乙联户长", "headUserId", "lhheadb", "headPassword", "head-pass-b"));
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(identity.createUserQuery().userId("lhheada").count()).isZero();
    assertThat(identity.checkPassword("lhheadb", "head-pass-b")).isTrue();
    assertThat(identity.createUserQuery().userId("lhheadb").singleResult().getFirstName())
        .isEqualTo("乙联户长");
    assertThat(tasks.createTaskQuery().taskId(held.getId()).singleResult().getAssignee())
        .isEqualTo("lhheadb");

    // Moving the unit to a grid of another community moves the head to that community's heads.
    patchUnit("lhunit1", Map.of("gridCode", "xinhua1"));
    assertThat(groupsOf("lhheadb"))
        .containsExactlyInAnyOrder("unitlhunit1", "headsCommunityXinhua");

    assertThat(
            send(HttpMethod.POST, "/units/lhunit1/head-password", Map.of("password", "head-pass-c"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(identity.checkPassword("lhheadb", "head-pass-c")).isTrue();

    tasks.deleteTask(held.getId(), true);
    assertThat(send(HttpMethod.POST, "/units/lhunit1/retire", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(identity.createUserQuery().userId("lhheadb").count()).isZero();
  }

  @Test
  void anAccountHeadsOneUnitAndIsNoStaffLoginNorAnyoneElses() {
    createUnit(
        "lhunit2",
        Map.of("gridCode", "hepingli2", "name", "联户测试二", "headName", "丙", "headUserId", "lhheadc"));
    // Without an initial password the login exists but refuses every password.
    assertThat(identity.createUserQuery().userId("lhheadc").count()).isOne();
    assertThat(identity.checkPassword("lhheadc", "demo")).isFalse();

    Map<String, String> refusals =
        Map.of(
            "lhheadc", "已是联户单元 lhunit2 的联户长",
            "wangli", "是工作人员的账号",
            "demo", "已被组织以外的用户使用");
    refusals.forEach(
        (account, reason) -> {
          ResponseEntity<JsonNode> refused =
              createUnit(
                  "lhunit3",
                  Map.of(
                      "gridCode",
                      "hepingli2",
                      "name",
                      "联户测试三",
                      "headName",
                      "丁",
                      "headUserId",
                      account));
          assertThat(refused.getStatusCode())
              .as(account)
              .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
          assertThat(refused.getBody().get("errors").toString()).as(account).contains(reason);
        });

    ResponseEntity<JsonNode> staff =
        send(
            HttpMethod.POST,
            "/staff",
            Map.of(
                "code",
                "lhheadc",
                "fields",
                Map.of("name", "丙", "unitKind", "grid", "unitCode", "hepingli2")));
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(staff.getBody().get("errors").toString()).contains("联户长账号");
    assertThat(
            send(HttpMethod.POST, "/units/lhunit3/head-password", Map.of("password", "abcdefg"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
