package org.lianhu.orgadmin;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.lianhu.org.IdentityWrites;
import org.lianhu.org.IdentityWrites.NoLogin;
import org.lianhu.org.IdentityWrites.Wanted;
import org.lianhu.org.IdentityWrites.WantedGroup;
import org.lianhu.org.IdentityWrites.WantedLogin;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.Option;
import org.lianhu.org.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the heads' logins and unit groups of an import after the import has answered, on one
 * thread of its own, in slices of {@value IdentityWrites#SLICE} units with a transaction each. A
 * county has 40,000 units: their groups and their heads' logins are some 160,000 identity commands,
 * about a minute on two cores, which the import's answer does not wait for (the staff, who work the
 * cases, have their logins when it answers). {@link #pending()} says how many units are still to be
 * written. Each slice reads its units as they are then. Should the node stop before the last slice,
 * the start-up sync creates the missing logins (with a password nobody knows, for an administrator
 * to set: initial passwords are never stored).
 */
@Component
class HeadLoginWriter {

  private static final Logger LOG = LoggerFactory.getLogger(HeadLoginWriter.class);

  private final OrganisationDirectory directory;
  private final IdentityWrites writes;
  private final TransactionTemplate ownTransaction;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread writer = new Thread(work, "head-login-writer");
            writer.setDaemon(true);
            return writer;
          });
  private final AtomicInteger pending = new AtomicInteger();

  HeadLoginWriter(
      OrganisationDirectory directory,
      IdentityWrites writes,
      PlatformTransactionManager transactions) {
    this.directory = directory;
    this.writes = writes;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /** Units and former heads not written yet, on this node. */
  int pending() {
    return pending.get();
  }

  /** Queues the work of one import; imports are written in the order they committed. */
  void start(HeadLogins work) {
    if (work.size() == 0) {
      return;
    }
    pending.addAndGet(work.size());
    thread.execute(() -> write(work));
  }

  private void write(HeadLogins work) {
    long start = System.nanoTime();
    int remaining = work.size();
    try {
      for (List<String> slice : IdentityWrites.slices(new ArrayList<>(work.units()))) {
        ownTransaction.executeWithoutResult(status -> writes.write(units(slice, work)));
        pending.addAndGet(-slice.size());
        remaining -= slice.size();
      }
      for (List<String> slice : IdentityWrites.slices(new ArrayList<>(work.formerHeads()))) {
        Set<String> stillHeads = directory.headAccountsAmong(slice);
        List<Wanted> gone = new ArrayList<>();
        slice.stream().filter(u -> !stillHeads.contains(u)).forEach(u -> gone.add(new NoLogin(u)));
        ownTransaction.executeWithoutResult(status -> writes.write(gone));
        pending.addAndGet(-slice.size());
        remaining -= slice.size();
      }
      LOG.info(
          "Heads' logins of an organisation import: {} units and former heads written in {} ms",
          work.size(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      pending.addAndGet(-remaining);
      LOG.error(
          "Heads' logins of an organisation import stopped with {} of {} left; the next start"
              + " writes them",
          remaining,
          work.size(),
          e);
    }
  }

  private List<Wanted> units(List<String> codes, HeadLogins work) {
    List<Wanted> wanted = new ArrayList<>();
    for (Option group : directory.unitGroupsOf(codes)) {
      wanted.add(new WantedGroup(group.value(), group.label()));
    }
    for (LiaisonHead head : directory.headsOfUnits(codes)) {
      wanted.add(WantedLogin.head(head, work.password(head.userId())));
    }
    return wanted;
  }

  /** Waits until everything queued before the call is written (tests, shutdown). */
  void awaitIdle(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      thread.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(2, TimeUnit.MINUTES)) {
      LOG.warn("Heads' logins still being written at shutdown; the next start writes them");
    }
  }
}
