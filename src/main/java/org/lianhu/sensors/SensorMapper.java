package org.lianhu.sensors;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface SensorMapper {

  int registerDevice(@Param("deviceId") String deviceId, @Param("at") Instant at);

  String lockDevice(@Param("deviceId") String deviceId);

  void recordAlert(
      @Param("deviceId") String deviceId,
      @Param("type") String type,
      @Param("status") String status,
      @Param("message") String message,
      @Param("caseId") Long caseId,
      @Param("at") Instant at);

  int alertCount(@Param("caseId") long caseId);
}
