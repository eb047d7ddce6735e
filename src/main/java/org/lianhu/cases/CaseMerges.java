package org.lianhu.cases;

import org.springframework.stereotype.Service;

/**
 * 合并: a repeat report goes into the open case it repeats. The acceptor names the case; it must
 * exist, be another case, and be open (not closed, rejected or itself merged).
 */
@Service
public class CaseMerges {

  private final CaseMapper cases;
  private final CaseLifecycle lifecycle;

  public CaseMerges(CaseMapper cases, CaseLifecycle lifecycle) {
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  /** The case {@code caseId} may be merged into; refuses, with the form's message, otherwise. */
  public CaseRecord target(long caseId, String targetNo) {
    if (targetNo == null || targetNo.isBlank()) {
      throw new IllegalArgumentException("请选择要合并到的在办事件");
    }
    CaseRecord target = cases.findByNo(targetNo.strip());
    if (target == null) {
      throw new IllegalArgumentException("没有编号为 " + targetNo.strip() + " 的事件");
    }
    if (target.id() == caseId) {
      throw new IllegalArgumentException("不能把事件合并到它自己");
    }
    if (!target.caseStatus().isOpen()) {
      throw new IllegalArgumentException(
          "事件 " + target.caseNo() + " 的状态为“" + target.caseStatus().label() + "”，只能合并到在办事件");
    }
    return target;
  }

  /**
   * Merges {@code caseId} into {@code targetNo}, checked again under the target's row lock (the
   * case's own is held by the step).
   */
  public void merge(long caseId, String targetNo) {
    CaseRecord first = target(caseId, targetNo);
    lifecycle.lock(first.id());
    CaseRecord target = target(caseId, targetNo);
    CaseRecord repeat = cases.findById(caseId);
    lifecycle.merged(caseId, repeat.caseNo(), target.id(), target.caseNo());
  }
}
