package org.lianhu.liaison;

import java.time.LocalDate;
import java.util.List;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.CareFlag;
import org.lianhu.org.DemoSettings;
import org.lianhu.org.Household;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo's visits: on the first start with the demo organisation, each demo head records this
 * month's visits to most of their households, through {@link Visits} like a head on the page, so
 * that the README tour shows coverage with every light (one unit in four visited whole, the others
 * at 90%, 80% and 70%).
 */
@Component
public class DemoVisits {

  private final boolean enabled;
  private final VisitMapper mapper;
  private final Visits visits;
  private final OrganisationDirectory directory;
  private final CountyClock clock;

  public DemoVisits(
      DemoSettings demo,
      @Value("${lianhu.liaison.demo-visits:true}") boolean demoVisits,
      VisitMapper mapper,
      Visits visits,
      OrganisationDirectory directory,
      CountyClock clock) {
    this.enabled = demo.demoData() && demoVisits;
    this.mapper = mapper;
    this.visits = visits;
    this.directory = directory;
    this.clock = clock;
  }

  /** Records the demo's visits unless visits exist already; answers how many it recorded. */
  public int recordOnce() {
    if (!enabled || mapper.anyVisit()) {
      return 0;
    }
    LocalDate today = clock.today();
    int days = today.getDayOfMonth();
    int recorded = 0;
    List<LiaisonHead> heads = directory.heads();
    for (int u = 0; u < heads.size(); u++) {
      LiaisonHead head = heads.get(u);
      List<Household> households = directory.householdsOf(head.unitCode());
      int tenths = 10 - u % 4; // 10, 9, 8, 7 of every ten households
      for (int i = 0; i < households.size(); i++) {
        if (i % 10 >= tenths) {
          continue;
        }
        Household household = households.get(i);
        boolean care = household.flags().contains(CareFlag.ELDERLY_ALONE);
        visits.record(
            head,
            new Visits.NewVisit(
                household.code(),
                today.withDayOfMonth(1 + (i * 3 + u) % days),
                care ? "care" : "routine",
                care ? "身体状况良好，已提醒注意用电安全" : "家中情况正常",
                null,
                null,
                null));
        recorded++;
      }
    }
    return recorded;
  }
}
