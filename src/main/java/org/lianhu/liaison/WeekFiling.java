package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;

/** An active unit under a level's code, and one of its weekly reports (both null: none filed). */
record WeekFiling(String code, String unitCode, LocalDate weekStart, Instant filedAt) {}
