package org.lianhu.sensors;

import java.time.Instant;
import java.util.Map;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseReport;
import org.lianhu.cases.CaseSource;
import org.lianhu.cases.Cases;
import org.lianhu.cases.Urgency;
import org.lianhu.refusal.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 感知设备告警: an alarm opens a case with source {@code sensor}; further alarms from the same device
 * while its case is open join that case instead of opening new ones, and a return to normal is
 * noted on it. Alerts of one device are handled one at a time (a row lock on the device), so that a
 * burst of alarms cannot open two cases.
 */
@Service
public class SensorAlerts {

  static final String ALARM = "alarm";
  static final String NORMAL = "normal";

  private final SensorMapper sensors;
  private final CaseIntake intake;
  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final Map<String, String> categories;

  public SensorAlerts(
      SensorMapper sensors,
      CaseIntake intake,
      Cases cases,
      CaseLifecycle lifecycle,
      SensorSettings settings) {
    this.sensors = sensors;
    this.intake = intake;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.categories = settings.getCategories();
  }

  @Transactional
  public AlertReceipt receive(AlertRequest alert) {
    String status = alert.status().trim();
    if (!ALARM.equals(status) && !NORMAL.equals(status)) {
      throw Refusal.invalid("status", "状态只能是 alarm 或 normal");
    }
    String category = categories.get(alert.type().trim());
    if (category == null) {
      throw Refusal.invalid("type", "未知的告警类型 " + alert.type() + "，可选: " + categories.keySet());
    }
    Instant now = EngineClock.now();
    try {
      sensors.registerDevice(alert.deviceId(), now);
    } catch (DuplicateKeyException registeredConcurrently) {
      // Another alert of the same device registered it first; the lock below waits for it.
    }
    sensors.lockDevice(alert.deviceId());

    Long openCase = cases.openCaseOfDevice(alert.deviceId()).orElse(null);
    if (openCase != null) {
      sensors.recordAlert(alert.deviceId(), alert.type(), status, alert.message(), openCase, now);
      int count = sensors.alertCount(openCase);
      lifecycle.noted(
          openCase,
          ALARM.equals(status) ? "设备再次告警" : "设备恢复正常",
          "设备 "
              + alert.deviceId()
              + (alert.message() == null ? "" : "：" + alert.message())
              + "（第 "
              + count
              + " 条告警）");
      return new AlertReceipt(cases.byId(openCase).caseNo(), false, true);
    }
    if (NORMAL.equals(status)) {
      sensors.recordAlert(alert.deviceId(), alert.type(), status, alert.message(), null, now);
      return new AlertReceipt(null, false, false);
    }
    String description =
        "感知设备 "
            + alert.deviceId()
            + " 告警（"
            + alert.type()
            + "）"
            + (alert.message() == null ? "" : "：" + alert.message());
    CaseReceipt receipt =
        intake.report(
            new CaseReport(
                category,
                description,
                alert.location(),
                Urgency.urgent,
                "感知设备 " + alert.deviceId(),
                null,
                CaseSource.sensor,
                alert.deviceId(),
                null));
    long caseId = cases.byNo(receipt.caseNo()).orElseThrow().id();
    sensors.recordAlert(alert.deviceId(), alert.type(), status, alert.message(), caseId, now);
    return new AlertReceipt(receipt.caseNo(), true, false);
  }
}
