package org.lianhu.orgadmin;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, logs every department the routing table names that the organisation lacks. It does not
 * refuse the start: a county starts on an empty database and imports afterwards; the admin page
 * shows the same list, and each import refuses to leave one missing.
 */
@Component
class RoutingCheckAtStart {

  private static final Logger log = LoggerFactory.getLogger(RoutingCheckAtStart.class);

  private final OrganisationViews views;

  RoutingCheckAtStart(OrganisationViews views) {
    this.views = views;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    for (Map<String, String> problem : views.checks()) {
      log.error("organisation check: {}", problem.get("reason"));
    }
  }
}
