package org.lianhu.posts;

import java.util.Arrays;
import java.util.Set;

/** Where a head's post stands ({@code head_post.status}). */
public enum PostStatus {
  /** Vacant: candidates are nominated and reviewed, the community office chooses one. */
  NOMINATING("nominating", "推选中"),
  /** The chosen candidate's name is published (公示); objections may be filed. */
  NOTICE("notice", "公示中"),
  /** The notice passed: the street appoints or declines. */
  APPOINTING("appointing", "待聘任"),
  /** A head was appointed. */
  FILLED("filled", "已聘任");

  /** The post is vacant: in any of these, the unit has no head. */
  public static final Set<PostStatus> VACANT = Set.of(NOMINATING, NOTICE, APPOINTING);

  private final String code;
  private final String label;

  PostStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  static PostStatus of(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown post status " + code));
  }
}
