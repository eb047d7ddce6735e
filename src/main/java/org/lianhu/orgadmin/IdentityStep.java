package org.lianhu.orgadmin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.IdentityWrites;
import org.lianhu.org.IdentityWrites.NewPassword;
import org.lianhu.org.IdentityWrites.NoLogin;
import org.lianhu.org.IdentityWrites.Wanted;
import org.lianhu.org.IdentityWrites.WantedGroup;
import org.lianhu.org.IdentityWrites.WantedLogin;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.security.AccessGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps Camunda's identity in step with the organisation. A change collects what it wants ({@link
 * Pending}); an edit writes it in its own transaction ({@link #write}), a workbook after the
 * organisation's commit in slices of their own transactions ({@link #writeInSlices}): Camunda keeps
 * every command's context until the Spring transaction ends, so a county's hundred thousand
 * identity commands in the import's one transaction would fill the heap. Should the node stop
 * between the commit and the last slice, the start-up sync ({@link org.lianhu.org.IdentitySync})
 * writes the rest. The administrator's right to change the organisation is checked before (see
 * {@link AdminAccess}); the writes run without the caller's Camunda authentication, so a county
 * administrator needs no Camunda permission on users, groups or tasks.
 */
@Component
class IdentityStep {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityStep.class);

  /**
   * The identity one change wants, in order: groups (with whether they carry the grants of an
   * organisation unit), logins, removed logins. A login removed and wanted again in the same change
   * (a head moving to another unit) is kept.
   */
  static final class Pending {
    private final Map<String, Wanted> logins = new LinkedHashMap<>();
    private final List<Wanted> groups = new ArrayList<>();
    private final Set<String> granted = new HashSet<>();

    void group(String groupId, String name, boolean grants) {
      groups.add(new WantedGroup(groupId, name));
      if (grants) {
        granted.add(groupId);
      }
    }

    void login(WantedLogin login) {
      logins.remove(login.userId());
      logins.put(login.userId(), login);
    }

    void noLogin(String userId) {
      if (!(logins.get(userId) instanceof WantedLogin)) {
        logins.put(userId, new NoLogin(userId));
      }
    }

    void password(String userId, String password) {
      logins.put(userId, new NewPassword(userId, password));
    }

    List<Wanted> all() {
      List<Wanted> all = new ArrayList<>(groups);
      all.addAll(logins.values());
      return all;
    }

    boolean isEmpty() {
      return groups.isEmpty() && logins.isEmpty();
    }
  }

  private final IdentityService identity;
  private final IdentityWrites writes;
  private final AccessGrants grants;
  private final OrganisationDirectory directory;
  private final TransactionTemplate ownTransaction;

  IdentityStep(
      IdentityService identity,
      IdentityWrites writes,
      AccessGrants grants,
      OrganisationDirectory directory,
      PlatformTransactionManager transactions) {
    this.identity = identity;
    this.writes = writes;
    this.grants = grants;
    this.directory = directory;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /** Writes the pending identity in the caller's transaction. */
  void write(Pending pending) {
    if (!pending.isEmpty()) {
      asSystem(() -> writeSlice(pending.all(), pending.granted));
    }
  }

  /** Writes the pending identity slice by slice, each slice committed on its own. */
  void writeInSlices(Pending pending) {
    long start = System.nanoTime();
    List<Wanted> all = pending.all();
    for (List<Wanted> slice : IdentityWrites.slices(all)) {
      ownTransaction.executeWithoutResult(
          status -> asSystem(() -> writeSlice(slice, pending.granted)));
    }
    LOG.info(
        "Identity of the organisation import: {} groups and logins written in {} ms",
        all.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private Void writeSlice(List<Wanted> slice, Set<String> granted) {
    writes.write(slice);
    // After the rows are written: a new department's grants depend on its stored role.
    Set<String> supervisors = null;
    for (Wanted wanted : slice) {
      if (wanted instanceof WantedGroup group && granted.contains(group.groupId())) {
        supervisors = supervisors != null ? supervisors : directory.countySupervisorGroups();
        grants.grantUnit(group.groupId(), supervisors);
      }
    }
    return null;
  }

  /** Runs without the caller's authentication, restoring it afterwards. */
  <T> T asSystem(Supplier<T> work) {
    return WithoutCaller.run(identity, work);
  }
}
