package org.lianhu.liaison;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liaison head's API ({@code /api/unit}, the phone page /unit/) and the households of a unit
 * for the staff who may read them ({@code /api/staff/units/{code}/households}). Both sit behind the
 * staff authentication filter: HTTP Basic or the page's session.
 */
@RestController
public class UnitController {

  public record Decision(String decision, String text) {}

  private final HeadsUnit heads;
  private final HouseholdReaders readers;
  private final OrganisationDirectory directory;
  private final IdentityService identity;

  public UnitController(
      HeadsUnit heads,
      HouseholdReaders readers,
      OrganisationDirectory directory,
      IdentityService identity) {
    this.heads = heads;
    this.readers = readers;
    this.directory = directory;
    this.identity = identity;
  }

  @GetMapping("/api/unit")
  public HeadsUnit.View unit() {
    return heads.view();
  }

  @PostMapping("/api/unit/cases/{caseNo}/decision")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void decide(@PathVariable String caseNo, @RequestBody Decision body) {
    heads.decide(caseNo, body == null ? null : body.decision(), body == null ? null : body.text());
  }

  @GetMapping("/api/staff/units/{code}/households")
  public List<HouseholdView> households(@PathVariable String code) {
    Authentication caller = identity.getCurrentAuthentication();
    readers.require(caller.getUserId(), caller.getGroupIds(), code);
    return directory.householdsOf(code).stream().map(HouseholdView::of).toList();
  }
}
