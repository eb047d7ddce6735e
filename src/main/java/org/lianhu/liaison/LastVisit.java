package org.lianhu.liaison;

import java.time.LocalDate;

/** A household's last visit (null: never visited). */
record LastVisit(String householdCode, LocalDate lastVisitedOn) {}
