package org.lianhu.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.lianhu.cases.CaseScope;
import org.lianhu.cases.CaseStatus;
import org.lianhu.cases.ClosureOutcome;
import org.lianhu.cases.Rating;

@Mapper
public interface StatsMapper {

  /** {@code groupColumn} and {@code period} come from fixed whitelists, never from the request. */
  List<KpiRow> kpis(
      @Param("groupColumn") String groupColumn,
      @Param("period") String period,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  /** The cases in one of the {@code withStaff} statuses, overdue first, then by deadline. */
  List<OpenCase> openCases(
      @Param("scope") CaseScope scope,
      @Param("withStaff") Collection<CaseStatus> withStaff,
      @Param("limit") int limit);

  default List<OpenCase> openCases(CaseScope scope, int limit) {
    return openCases(scope, CaseStatus.WITH_STAFF, limit);
  }

  List<Map<String, Object>> hotspots(@Param("from") LocalDate from, @Param("to") LocalDate to);

  List<Map<String, Object>> disputesByStatus(@Param("from") Instant from, @Param("to") Instant to);

  /** Locks the roll-up's state row, so that one refresh at a time runs across all nodes. */
  LocalDateTime lockRollup();

  LocalDateTime databaseNow();

  List<LocalDate> daysChangedSince(@Param("since") LocalDateTime since);

  /** Deletes the roll-up rows of [from, to), or every row when {@code from} is null. */
  int forgetDays(@Param("from") LocalDate from, @Param("to") LocalDate to);

  /** Rolls up the cases reported in [from, to), or every case when {@code from} is null. */
  default int rollUpDays(LocalDate from, LocalDate to, LocalDateTime now) {
    return rollUpDays(
        from,
        to,
        now,
        CaseStatus.REJECTED,
        CaseStatus.CLOSED,
        CaseStatus.MERGED,
        Rating.SATISFIED,
        Arrays.stream(ClosureOutcome.values())
            .filter(ClosureOutcome::chosenByHandler)
            .map(ClosureOutcome::name)
            .toList(),
        ClosureOutcome.resolved.name());
  }

  int rollUpDays(
      @Param("from") LocalDate from,
      @Param("to") LocalDate to,
      @Param("now") LocalDateTime now,
      @Param("rejected") CaseStatus rejected,
      @Param("closedStatus") CaseStatus closed,
      @Param("merged") CaseStatus merged,
      @Param("satisfied") Collection<Rating> satisfied,
      @Param("handlingOutcomes") Collection<String> handlingOutcomes,
      @Param("resolvedOutcome") String resolvedOutcome);

  /** Returns by the returning office's department, of the cases reported in [from, to). */
  List<DepartmentRanking.DepartmentReturns> returnsByDepartment(
      @Param("from") LocalDate from, @Param("to") LocalDate to);

  void markBuilt(@Param("builtAt") LocalDateTime builtAt);
}
