package org.lianhu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.NewCaseFixture;
import org.lianhu.support.MapperTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code SensorMapper.xml} against a real database; run on H2 ({@link SensorMapperTest}) and
 * MariaDB ({@link SensorMapperMySqlIT}).
 */
@MapperTest
abstract class SensorMapperContract {

  private static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");

  @Autowired SensorMapper sensors;
  @Autowired ApplicationContext context;

  @Test
  void aDeviceIsRegisteredOnceAndCanBeLocked() {
    String device = "WL-" + System.nanoTime();

    assertThat(sensors.registerDevice(device, AT)).isOne();
    assertThat(sensors.registerDevice(device, AT.plusSeconds(5))).isZero();
    assertThat(sensors.lockDevice(device)).isEqualTo(device);
    assertThat(sensors.lockDevice("unknown-device")).isNull();
  }

  @Test
  void alertsAreCountedByTheCaseTheyBelongTo() {
    String device = "WL-" + System.nanoTime();
    sensors.registerDevice(device, AT);
    long caseId = NewCaseFixture.insert(context, "感知设备告警", AT);

    sensors.recordAlert(device, "water_leak", "alarm", "漏水", caseId, AT);
    sensors.recordAlert(device, "water_leak", "alarm", null, caseId, AT.plusSeconds(60));
    sensors.recordAlert(device, "water_leak", "normal", "恢复", null, AT.plusSeconds(120));

    assertThat(sensors.alertCount(caseId)).isEqualTo(2);
  }
}
