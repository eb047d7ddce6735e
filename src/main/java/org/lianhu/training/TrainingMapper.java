package org.lianhu.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The training statements; {@link Training} is the one class that writes through them. */
@Mapper
interface TrainingMapper {

  void insertCourse(Map<String, Object> row);

  Records.Course course(@Param("id") long id);

  /** County-wide courses, the street's and the community's (either may be null). */
  List<Records.Course> courses(
      @Param("streetCode") String streetCode, @Param("communityCode") String communityCode);

  void insertSession(Map<String, Object> row);

  Records.Session session(@Param("id") long id);

  List<Records.Session> sessionsOfCourse(@Param("courseId") long courseId);

  int attended(@Param("sessionId") long sessionId, @Param("termId") long termId);

  void insertAttendance(Map<String, Object> row);

  List<Records.Attended> attendanceOf(@Param("termIds") Collection<Long> termIds);

  /** Attendance at sessions held in [from, to), of a community or a street (null: all). */
  List<Records.Attended> attendedBetween(
      @Param("from") LocalDate from,
      @Param("to") LocalDate to,
      @Param("communityCodes") Collection<String> communityCodes);

  int inductionsOf(@Param("termId") long termId, @Param("level") String level);

  void insertShadowing(Map<String, Object> row);

  List<Records.Shadowing> shadowingOf(@Param("termId") long termId);
}
