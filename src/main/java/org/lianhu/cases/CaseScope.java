package org.lianhu.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lianhu.org.Community;
import org.lianhu.org.DepartmentOffice;
import org.lianhu.org.Grid;
import org.lianhu.org.OrganisationMapper;
import org.lianhu.org.Street;

/**
 * Which cases a member of staff may see, from the units they belong to: the county-wide groups (the
 * county centre, administrators, county-wide departments such as the supervision office) see all; a
 * street its street; a community its community; a grid its grid; a department office the cases it
 * handles or is copied on.
 */
public record CaseScope(
    boolean everything,
    List<String> streets,
    List<String> communities,
    List<String> grids,
    List<String> handlerGroups) {

  /**
   * {@code countyWide}: the groups that see everything ({@code
   * OrganisationDirectory.countyWideGroups}).
   */
  public static CaseScope of(
      List<String> groups, OrganisationMapper organisation, Set<String> countyWide) {
    if (groups.stream().anyMatch(countyWide::contains)) {
      return countyWide();
    }
    List<String> streets = new ArrayList<>();
    List<String> communities = new ArrayList<>();
    List<String> grids = new ArrayList<>();
    List<String> offices = new ArrayList<>();
    organisation.streets().stream()
        .filter(s -> groups.contains(s.groupId()))
        .map(Street::code)
        .forEach(streets::add);
    organisation.communities().stream()
        .filter(c -> groups.contains(c.groupId()))
        .map(Community::code)
        .forEach(communities::add);
    organisation.grids().stream()
        .filter(g -> groups.contains(g.groupId()))
        .map(Grid::code)
        .forEach(grids::add);
    organisation.offices().stream()
        .filter(o -> groups.contains(o.groupId()))
        .map(DepartmentOffice::groupId)
        .forEach(offices::add);
    return new CaseScope(false, streets, communities, grids, offices);
  }

  /** Every case of the county, for the county's own views and tools. */
  public static CaseScope countyWide() {
    return new CaseScope(true, List.of(), List.of(), List.of(), List.of());
  }

  public boolean nothing() {
    return !everything
        && streets.isEmpty()
        && communities.isEmpty()
        && grids.isEmpty()
        && handlerGroups.isEmpty();
  }
}
