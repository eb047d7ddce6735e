package org.lianhu.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.stereotype.Service;

/**
 * Reads cases for the steps and modules that need them; only {@link CaseLifecycle} changes them.
 */
@Service
public class Cases {

  private final CaseMapper cases;

  Cases(CaseMapper cases) {
    this.cases = cases;
  }

  public CaseRecord byId(long id) {
    return cases.findById(id);
  }

  public Optional<CaseRecord> byNo(String caseNo) {
    return Optional.ofNullable(caseNo == null ? null : cases.findByNo(caseNo));
  }

  /** The active categories, in the order the report form shows them. */
  public List<CaseCategory> categories() {
    return cases.categories();
  }

  /** A category by code, active or not. */
  public Optional<CaseCategory> category(String code) {
    return Optional.ofNullable(code == null ? null : cases.category(code));
  }

  /** The open case a device's alerts belong to, if it has one. */
  public Optional<Long> openCaseOfDevice(String deviceId) {
    return Optional.ofNullable(cases.openCaseOfDevice(deviceId, CaseStatus.FINISHED));
  }

  /** Newest first; {@code status} null for every status. */
  public List<CaseRecord> inScope(CaseScope scope, CaseStatus status, int offset, int limit) {
    return cases.findInScope(scope, status, offset, limit);
  }

  /**
   * Publicly listed cases created in {@code [from, to)}, newest first; {@code finished} true for
   * finished cases, false for open ones, null for both.
   */
  public List<CaseRecord> publicList(
      String category, Instant from, Instant to, Boolean finished, int offset, int limit) {
    return cases.findPublic(category, from, to, finished, CaseStatus.FINISHED, offset, limit);
  }

  /** The public steps of publicly listed cases in [from, to), oldest first (Open311 updates). */
  public List<PublicUpdate> publicUpdates(Instant from, Instant to, int offset, int limit) {
    return cases.publicUpdates(from, to, offset, limit);
  }

  /** How many times the case's handlers asked for more time, granted or not. */
  public int extensionRequests(long id) {
    return cases.countExtensionRequests(id);
  }

  /** The case's returns (退单), oldest first. */
  public List<ReturnRecord> returns(long id) {
    return cases.returns(id);
  }

  /** Every entry, public and internal, oldest first. */
  public List<TimelineEntry> timeline(long id) {
    return cases.timeline(id);
  }
}
