package org.lianhu.liaison;

import java.util.List;
import java.util.Optional;
import org.lianhu.org.Community;
import org.lianhu.org.Grid;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who reads a unit's households whole (phones, ID-card numbers, care flags): the unit's head, the
 * worker of its grid and the members of its community's office. Everyone else is refused (403); the
 * county's administrators see them masked through the organisation API. Every endpoint that gives
 * out a household calls {@link #require}; every one that changes one, {@link #requireEditor}.
 */
@Component
public class HouseholdReaders {

  private final OrganisationDirectory directory;

  public HouseholdReaders(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** The unit, once the user (with these groups) may read its households; else 404 or 403. */
  public LiaisonUnit require(String userId, List<String> groups, String unitCode) {
    LiaisonUnit unit =
        directory
            .liaisonUnit(unitCode)
            .orElseThrow(() -> Refusal.notFound("联户单元 " + unitCode + " 不存在"));
    if (!mayRead(userId, groups, unit)) {
      throw Refusal.forbidden("住户信息仅本单元联户长、所在网格员和社区工作人员可查看");
    }
    return unit;
  }

  /**
   * The unit, once the user may change its households (add, edit, mark as moved out): its head or a
   * member of its community's office. Its grid worker reads them but keeps the roster through those
   * two.
   */
  public LiaisonUnit requireEditor(String userId, List<String> groups, String unitCode) {
    LiaisonUnit unit =
        directory
            .liaisonUnit(unitCode)
            .orElseThrow(() -> Refusal.notFound("联户单元 " + unitCode + " 不存在"));
    if (userId == null || !userId.equals(unit.headUserId()) && !inCommunityOffice(groups, unit)) {
      throw Refusal.forbidden("住户信息仅本单元联户长和社区工作人员可修改");
    }
    return unit;
  }

  boolean mayRead(String userId, List<String> groups, LiaisonUnit unit) {
    if (userId == null) {
      return false;
    }
    if (userId.equals(unit.headUserId())) {
      return true;
    }
    Optional<Grid> grid = directory.grid(unit.gridCode());
    if (grid.map(Grid::workerUserId).filter(userId::equals).isPresent()) {
      return true;
    }
    return inCommunityOffice(groups, unit);
  }

  private boolean inCommunityOffice(List<String> groups, LiaisonUnit unit) {
    return directory
        .grid(unit.gridCode())
        .flatMap(g -> directory.community(g.communityCode()))
        .map(Community::groupId)
        .filter(groups::contains)
        .isPresent();
  }
}
