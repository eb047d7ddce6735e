package org.lianhu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Sensor alerts open cases with source sensor, and repeated alerts join the device's open case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SensorAlertTest {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> alert(String device, String type, String status, String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      headers.set("X-Api-Key", key);
    }
    String body =
        """
        {"deviceId":"%s","type":"%s","status":"%s","message":"水压异常",
         "location":{"address":"和平里东街40号","latitude":30.002,"longitude":120.003}}"""
            .formatted(device, type, status);
    return http.exchange(
        "/api/alerts", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> alert(String device, String status) {
    return alert(device, "water_leak", status, "demo-sensor-key");
  }

  @Test
  void anAlarmOpensAnUrgentSensorCaseForTheMappedCategory() {
    ResponseEntity<JsonNode> response = alert("meter-0001", "alarm");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNo = response.getBody().get("caseNo").asText();
    var row =
        jdbc.queryForMap(
            "select category, source, urgency, device_id, grid_code from case_record where case_no = ?",
            caseNo);
    assertThat(row)
        .containsEntry("category", "water_supply")
        .containsEntry("source", "sensor")
        .containsEntry("urgency", "urgent")
        .containsEntry("device_id", "meter-0001")
        .containsEntry("grid_code", "hepingli1");
  }

  @Test
  void repeatedAlarmsWhileTheCaseIsOpenJoinItAndRecoveryIsNoted() {
    String first = alert("meter-0002", "alarm").getBody().get("caseNo").asText();

    ResponseEntity<JsonNode> again = alert("meter-0002", "alarm");
    ResponseEntity<JsonNode> normal = alert("meter-0002", "normal");

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("caseNo").asText()).isEqualTo(first);
    assertThat(again.getBody().get("attached").asBoolean()).isTrue();
    assertThat(normal.getBody().get("caseNo").asText()).isEqualTo(first);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_record where device_id = 'meter-0002'", Long.class))
        .isOne();
    assertThat(
            jdbc.queryForList(
                "select action from case_timeline t join case_record c on c.id = t.case_id "
                    + "where c.case_no = ?",
                String.class,
                first))
        .contains("设备再次告警", "设备恢复正常");
  }

  @Test
  void aBurstOfAlarmsFromOneDeviceOpensOneCase() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        futures.add(pool.submit(() -> alert("meter-0003", "alarm")));
      }
      Set<String> caseNumbers = new HashSet<>();
      for (Future<ResponseEntity<JsonNode>> future : futures) {
        caseNumbers.add(future.get().getBody().get("caseNo").asText());
      }
      assertThat(caseNumbers).hasSize(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from device_alert where device_id = 'meter-0003'", Long.class))
          .isEqualTo(6);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRecoveryWithoutAnOpenCaseOpensNothing() {
    ResponseEntity<JsonNode> response = alert("meter-0004", "normal");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().has("caseNo")).isFalse();
    assertThat(response.getBody().get("newCase").asBoolean()).isFalse();
  }

  @Test
  void unknownKeysTypesAndStatusesAreRefused() {
    assertThat(alert("meter-0005", "water_leak", "alarm", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(alert("meter-0005", "water_leak", "alarm", "guess").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> type = alert("meter-0005", "earthquake", "alarm", "demo-sensor-key");
    assertThat(type.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(type.getBody().get("errors").has("type")).isTrue();
    assertThat(alert("meter-0005", "water_leak", "panic", "demo-sensor-key").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(alert("bad device id!", "water_leak", "alarm", "demo-sensor-key").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from device where device_id like 'meter-0005%'", Long.class))
        .isZero();
  }
}
