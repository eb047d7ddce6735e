package org.lianhu.stats;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The heads' KPIs of a year by community, for the dashboard. */
@RestController
class HeadKpiController {

  private final HeadKpis kpis;

  HeadKpiController(HeadKpis kpis) {
    this.kpis = kpis;
  }

  @GetMapping("/api/stats/head-kpis")
  List<HeadKpis.Row> of(@RequestParam int year, @RequestParam(required = false) String street) {
    return kpis.of(year, street);
  }
}
