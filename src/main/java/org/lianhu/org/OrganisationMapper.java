package org.lianhu.org;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OrganisationMapper {

  List<Street> streets();

  List<Community> communities();

  List<Grid> grids();

  List<Department> departments();

  /** The active departments with that role ({@link DepartmentRole#code()}). */
  List<Department> departmentsInRole(@Param("role") String role);

  List<DepartmentOffice> offices();

  List<Staff> staff();

  List<MediationBody> mediationBodies();

  /** The street's own body of that kind first, then a county-wide one. */
  List<MediationBody> mediationBodiesServing(
      @Param("kind") String kind, @Param("streetCode") String streetCode);

  String groupName(@Param("groupId") String groupId);

  Street street(@Param("code") String code);

  Community community(@Param("code") String code);

  Grid grid(@Param("code") String code);

  LiaisonUnit liaisonUnit(@Param("code") String code);

  /** The active units' heads who have a login. */
  List<LiaisonHead> heads();

  LiaisonHead headOf(@Param("userId") String userId);

  List<Household> householdsOf(@Param("unitCode") String unitCode);

  Household household(@Param("code") String code);

  List<LiaisonHead> headsOfUnits(@Param("codes") List<String> codes);

  List<Option> unitGroupsOf(@Param("codes") List<String> codes);

  List<String> headAccountsAmong(@Param("userIds") List<String> userIds);

  String communityNameOfGroup(@Param("groupId") String groupId);

  /** The groups of the active liaison units, with their names. */
  List<Option> unitGroups();

  Department department(@Param("code") String code);

  /** The street's own office first, then a county-wide one. */
  List<DepartmentOffice> officesServing(
      @Param("departmentCode") String departmentCode, @Param("streetCode") String streetCode);
}
