package org.lianhu.sensors;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.lianhu.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Sensor gateways post alerts here with their API key ({@code X-Api-Key}). */
@RestController
public class AlertController {

  private final SensorAlerts alerts;
  private final SensorSettings settings;

  public AlertController(SensorAlerts alerts, SensorSettings settings) {
    this.alerts = alerts;
    this.settings = settings;
  }

  @PostMapping("/api/alerts")
  public ResponseEntity<?> receive(
      @RequestHeader(name = "X-Api-Key", required = false) String apiKey,
      @Valid @RequestBody AlertRequest alert) {
    if (!known(apiKey)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "缺少或无效的 X-Api-Key");
      problem.setType(Problems.type("invalid-api-key"));
      problem.setTitle("无权提交告警");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
    AlertReceipt receipt = alerts.receive(alert);
    return ResponseEntity.status(receipt.newCase() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(receipt);
  }

  private boolean known(String apiKey) {
    if (apiKey == null) {
      return false;
    }
    byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
    return settings.getApiKeys().stream()
        .filter(k -> !k.isBlank())
        .anyMatch(k -> MessageDigest.isEqual(k.getBytes(StandardCharsets.UTF_8), given));
  }
}
