package org.lianhu.liaison;

import java.util.List;
import org.lianhu.calendar.CountyClock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The head records the unit's neighbourhood activities on their page. */
@RestController
class ActivityController {

  private final Activities activities;
  private final HeadsUnit heads;
  private final CountyClock clock;

  ActivityController(Activities activities, HeadsUnit heads, CountyClock clock) {
    this.activities = activities;
    this.heads = heads;
    this.clock = clock;
  }

  @PostMapping("/api/unit/activities")
  @ResponseStatus(HttpStatus.CREATED)
  Activities.Activity record(@RequestBody Activities.NewActivity body) {
    return activities.record(heads.signedInHead(), body);
  }

  /** The head's activities of the last half year. */
  @GetMapping("/api/unit/activities")
  List<Activities.Activity> mine() {
    return activities.ofHead(
        heads.signedInHead().userId(), clock.today().minusMonths(6), clock.today().plusDays(1));
  }
}
