package org.lianhu.org;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Service;

/**
 * Answers "who is responsible here" from the organisation tables: the grid of a report, the office
 * of a department serving a street, the groups a case can be handed to.
 */
@Service
public class OrganisationDirectory {

  private final OrganisationMapper mapper;

  public OrganisationDirectory(OrganisationMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Places a report: the liaison unit names its grid; otherwise the coordinates fall in a grid's
   * box; otherwise the address names a grid, a community or a street. Unknown places stay unknown,
   * and the county centre owns them. Retired units place nothing.
   */
  public Placement place(String liaisonUnitCode, BigDecimal lat, BigDecimal lng, String address) {
    if (liaisonUnitCode != null) {
      LiaisonUnit unit = mapper.liaisonUnit(liaisonUnitCode);
      if (unit != null) {
        return placementOf(mapper.grid(unit.gridCode()));
      }
    }
    List<Grid> grids = mapper.grids();
    if (lat != null && lng != null) {
      for (Grid grid : grids) {
        if (grid.contains(lat, lng)) {
          return placementOf(grid);
        }
      }
    }
    if (address != null) {
      for (Grid grid : grids) {
        if (mentions(address, grid.addressKeywords())) {
          return placementOf(grid);
        }
      }
      for (Community community : mapper.communities()) {
        if (mentions(address, community.addressKeywords())) {
          return new Placement(community.streetCode(), community.code(), null);
        }
      }
      for (Street street : mapper.streets()) {
        if (mentions(address, street.addressKeywords())) {
          return new Placement(street.code(), null, null);
        }
      }
    }
    return Placement.UNKNOWN;
  }

  /** Places a reported location, refusing an unknown liaison unit or half a coordinate pair. */
  public Placement place(Location location) {
    if (location.liaisonUnit() != null && mapper.liaisonUnit(location.liaisonUnit()) == null) {
      throw new InvalidLocation("location.liaisonUnit", "未知的联户单元: " + location.liaisonUnit());
    }
    if ((location.latitude() == null) != (location.longitude() == null)) {
      throw new InvalidLocation("location", "经纬度须同时提供");
    }
    return place(
        location.liaisonUnit(), location.latitude(), location.longitude(), location.address());
  }

  private Placement placementOf(Grid grid) {
    Community community = mapper.community(grid.communityCode());
    return new Placement(community.streetCode(), community.code(), grid.code());
  }

  private static boolean mentions(String address, String keywords) {
    if (keywords == null || keywords.isBlank()) {
      return false;
    }
    return Arrays.stream(keywords.split(","))
        .map(String::trim)
        .anyMatch(keyword -> !keyword.isEmpty() && address.contains(keyword));
  }

  public Optional<Grid> grid(String code) {
    return Optional.ofNullable(code).map(mapper::grid);
  }

  /** The grid whose worker the user is, if any. */
  public Optional<Grid> gridOfWorker(String userId) {
    return mapper.grids().stream()
        .filter(g -> userId != null && userId.equals(g.workerUserId()))
        .findFirst();
  }

  /** The active liaison unit of that code. */
  public Optional<LiaisonUnit> liaisonUnit(String code) {
    return Optional.ofNullable(code).map(mapper::liaisonUnit);
  }

  public Optional<Community> community(String code) {
    return Optional.ofNullable(code).map(mapper::community);
  }

  public Optional<Street> street(String code) {
    return Optional.ofNullable(code).map(mapper::street);
  }

  public Optional<Department> department(String code) {
    return Optional.ofNullable(code).map(mapper::department);
  }

  /**
   * The office of the department that serves the street: the street's own, else a county-wide one.
   */
  public Optional<DepartmentOffice> officeFor(String departmentCode, String streetCode) {
    if (departmentCode == null) {
      return Optional.empty();
    }
    return mapper.officesServing(departmentCode, streetCode).stream().findFirst();
  }

  /** The department an office group belongs to, or null when the group is no department office. */
  public String departmentOfOffice(String officeGroupId) {
    return mapper.offices().stream()
        .filter(o -> o.groupId().equals(officeGroupId))
        .map(DepartmentOffice::departmentCode)
        .findFirst()
        .orElse(null);
  }

  /** Whether the group is the office of some department (a valid lead or co-handler). */
  public boolean isDepartmentOffice(String groupId) {
    return departmentOfOffice(groupId) != null;
  }

  /**
   * The street coordination centre of the street, or the county centre when the street is unknown.
   */
  public String coordinatorGroup(String streetCode) {
    return street(streetCode).map(Street::groupId).orElseGet(this::countyCentreGroup);
  }

  /**
   * The group of the county centre: the department with the role {@link
   * DepartmentRole#COUNTY_CENTRE}. The organisation module keeps one active from the first start
   * (migration V8) and refuses to retire the last, so whatever cannot be placed always has an
   * owner.
   */
  public String countyCentreGroup() {
    return countyCentre().groupId();
  }

  private Department countyCentre() {
    return mapper.departmentsInRole(DepartmentRole.COUNTY_CENTRE.code()).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the organisation has no county centre"));
  }

  /** The departments a case can be dispatched to, in code order. */
  public List<Department> handlingDepartments() {
    return mapper.departments().stream().filter(Department::handlesCases).toList();
  }

  /** The community office that supervises acceptance, else the street, else the county centre. */
  public String acceptanceSupervisorGroup(Placement placement) {
    return community(placement.communityCode())
        .map(Community::groupId)
        .orElseGet(() -> coordinatorGroup(placement.streetCode()));
  }

  /** Every department office that can take a case in the street, one per department. */
  public List<Option> departmentOptions(String streetCode) {
    List<Option> options = new ArrayList<>();
    for (Department department : handlingDepartments()) {
      officeFor(department.code(), streetCode)
          .ifPresent(
              office ->
                  options.add(
                      new Option(department.name() + " · " + office.name(), office.groupId())));
    }
    return options;
  }

  /** Who can take over acceptance: the grids of the community, then the community office itself. */
  public List<Option> acceptanceOptions(Placement placement) {
    List<Option> options = new ArrayList<>();
    Optional<Community> community = community(placement.communityCode());
    if (community.isPresent()) {
      for (Grid grid : mapper.grids()) {
        if (grid.communityCode().equals(community.get().code())) {
          options.add(new Option(grid.name(), grid.groupId()));
        }
      }
      options.add(new Option(community.get().name(), community.get().groupId()));
    }
    Department centre = countyCentre();
    options.add(new Option(centre.name(), centre.groupId()));
    return options;
  }

  /**
   * Every group id the organisation defines, with its Chinese name, for the Camunda identity sync.
   */
  public List<Option> allGroups() {
    List<Option> groups = new ArrayList<>();
    mapper.streets().forEach(s -> groups.add(new Option(s.name() + "协调中心", s.groupId())));
    mapper.communities().forEach(c -> groups.add(new Option(c.name(), c.groupId())));
    mapper.grids().forEach(g -> groups.add(new Option(g.name(), g.groupId())));
    mapper.departments().forEach(d -> groups.add(new Option(d.name(), d.groupId())));
    mapper.offices().forEach(o -> groups.add(new Option(o.name(), o.groupId())));
    mapper.mediationBodies().forEach(b -> groups.add(new Option(b.name(), b.groupId())));
    mapper
        .communities()
        .forEach(
            c ->
                groups.add(
                    new Option(
                        LiaisonHead.headsGroupName(c.name()),
                        LiaisonHead.headsGroupOf(c.groupId()))));
    return groups;
  }

  /**
   * The groups of the liaison units: candidate groups of in-unit tasks, kept out of {@link
   * #allGroups()} because they carry no grants (a county has tens of thousands).
   */
  public List<Option> unitGroups() {
    return mapper.unitGroups();
  }

  /** The active units' heads who have a login. */
  public List<LiaisonHead> heads() {
    return mapper.heads();
  }

  /** The heads with a login of those active units (at most a few hundred codes). */
  public List<LiaisonHead> headsOfUnits(List<String> codes) {
    return codes.isEmpty() ? List.of() : mapper.headsOfUnits(codes);
  }

  /** The groups of those units that are active, with their names. */
  public List<Option> unitGroupsOf(List<String> codes) {
    return codes.isEmpty() ? List.of() : mapper.unitGroupsOf(codes);
  }

  /** Which of these accounts head an active unit now. */
  public Set<String> headAccountsAmong(List<String> userIds) {
    return userIds.isEmpty() ? Set.of() : new HashSet<>(mapper.headAccountsAmong(userIds));
  }

  /**
   * The active households of a unit, whole (personal data included): callers check who reads them
   * first.
   */
  public List<Household> householdsOf(String unitCode) {
    return mapper.householdsOf(unitCode);
  }

  /** The active household of that code. */
  public Optional<Household> household(String code) {
    return Optional.ofNullable(code).map(mapper::household);
  }

  /** The active streets, by code. */
  public List<Street> streets() {
    return mapper.streets();
  }

  /** The active communities and villages. */
  public List<Community> communities() {
    return mapper.communities();
  }

  /** The unit a signed-in user heads, if any. */
  public Optional<LiaisonHead> headOf(String userId) {
    return Optional.ofNullable(userId).map(mapper::headOf);
  }

  /**
   * The group of the mediation body of that kind serving the street; without one, the street centre
   * (or the county centre) mediates in its place, so a tier-2 task always has an owner.
   */
  public String mediationGroup(String kind, String streetCode) {
    return mapper.mediationBodiesServing(kind, streetCode).stream()
        .findFirst()
        .map(MediationBody::groupId)
        .orElseGet(() -> coordinatorGroup(streetCode));
  }

  /**
   * Groups that see every case of the county: Camunda's own administrators, the county centre, and
   * the supervision office (roles in the organisation data) with their offices. The administrators
   * of the organisation data see no case by that role alone.
   */
  public Set<String> countyWideGroups() {
    Set<String> groups = new HashSet<>(Set.of(Groups.CAMUNDA_ADMIN));
    Set<String> countyWide = new HashSet<>();
    mapper.departments().stream()
        .filter(
            d -> d.hasRole(DepartmentRole.COUNTY_CENTRE) || d.hasRole(DepartmentRole.SUPERVISION))
        .forEach(
            d -> {
              countyWide.add(d.code());
              groups.add(d.groupId());
            });
    mapper.offices().stream()
        .filter(o -> countyWide.contains(o.departmentCode()))
        .forEach(o -> groups.add(o.groupId()));
    return groups;
  }

  /**
   * Groups that oversee the county's work: the county-wide groups and every handling department.
   */
  public Set<String> countySupervisorGroups() {
    Set<String> groups = countyWideGroups();
    handlingDepartments().forEach(d -> groups.add(d.groupId()));
    return groups;
  }

  /**
   * Groups whose members administer the organisation: Camunda's own administrators (the only user
   * on an empty database) and the departments with the role {@link DepartmentRole#ADMINISTRATION}.
   */
  public Set<String> administratorGroups() {
    Set<String> groups = new HashSet<>(Set.of(Groups.CAMUNDA_ADMIN));
    mapper
        .departmentsInRole(DepartmentRole.ADMINISTRATION.code())
        .forEach(d -> groups.add(d.groupId()));
    return groups;
  }

  /**
   * Everyone who supervises some part of the county: the county-wide groups, streets and
   * communities.
   */
  public Set<String> supervisorGroups() {
    Set<String> groups = countySupervisorGroups();
    mapper.streets().forEach(s -> groups.add(s.groupId()));
    mapper.communities().forEach(c -> groups.add(c.groupId()));
    return groups;
  }

  /** The Chinese name of an organisation group, or the id itself when the group is unknown. */
  public String groupName(String groupId) {
    String name = groupId == null ? null : mapper.groupName(groupId);
    if (name == null && groupId != null) {
      name =
          LiaisonHead.communityGroupOf(groupId)
              .map(mapper::communityNameOfGroup)
              .map(LiaisonHead::headsGroupName)
              .orElse(null);
    }
    return name != null ? name : groupId;
  }

  public List<Staff> staff() {
    return mapper.staff();
  }
}
