package org.lianhu.stats;

import java.util.Map;
import java.util.stream.Collectors;
import org.lianhu.cases.CaseCategory;
import org.lianhu.cases.Cases;
import org.lianhu.org.OrganisationMapper;
import org.springframework.stereotype.Component;

/** Chinese names for the codes statistics group by. */
@Component
class Names {

  private final OrganisationMapper organisation;
  private final Cases cases;

  Names(OrganisationMapper organisation, Cases cases) {
    this.organisation = organisation;
    this.cases = cases;
  }

  Map<String, String> of(Statistics.GroupBy groupBy) {
    return switch (groupBy) {
      case street ->
          organisation.streets().stream().collect(Collectors.toMap(s -> s.code(), s -> s.name()));
      case community ->
          organisation.communities().stream()
              .collect(Collectors.toMap(c -> c.code(), c -> c.name()));
      case grid ->
          organisation.grids().stream().collect(Collectors.toMap(g -> g.code(), g -> g.name()));
      case department ->
          organisation.departments().stream()
              .collect(Collectors.toMap(d -> d.code(), d -> d.name()));
      case category ->
          cases.categories().stream()
              .collect(Collectors.toMap(CaseCategory::code, CaseCategory::name));
    };
  }
}
