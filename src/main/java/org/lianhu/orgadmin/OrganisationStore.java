package org.lianhu.orgadmin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The organisation tables as {@link OrgKind} describes them. Table and column names come only from
 * {@link OrgKind} (never from a request), values are always bound parameters. Only {@link
 * OrganisationChanges} calls the statements that write.
 */
@Mapper
interface OrganisationStore {

  List<Map<String, Object>> findByCodes(
      @Param("table") String table,
      @Param("key") String key,
      @Param("columns") List<String> columns,
      @Param("codes") Collection<String> codes);

  List<Map<String, Object>> list(
      @Param("table") String table,
      @Param("key") String key,
      @Param("columns") List<String> columns,
      @Param("parentColumn") String parentColumn,
      @Param("parent") String parent,
      @Param("q") String q,
      @Param("includeRetired") boolean includeRetired,
      @Param("offset") int offset,
      @Param("limit") int limit);

  long count(
      @Param("table") String table,
      @Param("key") String key,
      @Param("parentColumn") String parentColumn,
      @Param("parent") String parent,
      @Param("q") String q,
      @Param("includeRetired") boolean includeRetired);

  /** The next rows after that key (null: from the first), in key order: the export's pages. */
  List<Map<String, Object>> page(
      @Param("table") String table,
      @Param("key") String key,
      @Param("columns") List<String> columns,
      @Param("after") String after,
      @Param("limit") int limit);

  /** Every row's code and the given columns, retired ones included. */
  List<Map<String, Object>> all(
      @Param("table") String table,
      @Param("key") String key,
      @Param("columns") List<String> columns);

  /** The active households (code, unit_code) of these units. */
  List<Map<String, Object>> findActiveHouseholdsOf(@Param("units") Collection<String> units);

  int insert(
      @Param("table") String table,
      @Param("columns") List<String> columns,
      @Param("rows") List<List<Object>> rows);

  int update(
      @Param("table") String table,
      @Param("key") String key,
      @Param("code") String code,
      @Param("values") Map<String, Object> values);

  /** The grids whose worker the user is. */
  List<String> gridsOfWorker(@Param("userId") String userId);

  int insertAudit(@Param("entries") List<AuditEntry> entries);

  List<AuditEntry> audit(
      @Param("query") AuditQuery query, @Param("offset") int offset, @Param("limit") int limit);

  long auditCount(@Param("query") AuditQuery query);

  /** Categories residents can report (case_category), active ones. */
  List<String> activeCategories();
}
