package org.lianhu.cases;

/**
 * 事件类别: what kind of issue a report is; the routing and deadline tables key on {@link #code}. A
 * publicly listed category's cases appear in Open311's public listing; no other category's do.
 */
public record CaseCategory(
    String code, String name, Integer sortOrder, Boolean active, Boolean publiclyListed) {

  public boolean listedPublicly() {
    return Boolean.TRUE.equals(publiclyListed);
  }
}
