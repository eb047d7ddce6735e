package org.lianhu.posts;

import java.util.Arrays;
import java.util.Optional;

/** Why a post is open ({@code head_post.reason}). */
public enum VacancyReason {
  NEW_UNIT("new_unit", "新设单元"),
  RESIGNED("resigned", "辞任"),
  REMOVED("removed", "免职"),
  MOVED_AWAY("moved_away", "迁离");

  private final String code;
  private final String label;

  VacancyReason(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** A head leaves the post for this reason (every reason but a new unit). */
  boolean headLeaves() {
    return this != NEW_UNIT;
  }

  static Optional<VacancyReason> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
