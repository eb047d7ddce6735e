package org.lianhu.orgadmin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.HeadsImported;
import org.lianhu.refusal.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the organisation workbook: reads every sheet (streaming), checks every row and then the
 * whole organisation, and only when the report is empty applies it all in one transaction, or
 * nothing; Camunda's logins and groups follow after the commit, before the call returns ({@link
 * IdentityStep#writeInSlices}), except the heads' logins and unit groups, which {@link
 * HeadLoginWriter} writes after it. A dry run applies and rolls back, so its counts are the real
 * ones.
 */
@Service
public class OrganisationImport {

  /** What an import did (or, in a dry run, would do). */
  public record Result(
      boolean dryRun,
      String importId,
      int created,
      int updated,
      int retired,
      int unchanged,
      int handedOverTasks,
      int headLoginsPending) {}

  private static final int HOUSEHOLD_BATCH = 1000;

  private final OrganisationRules rules;
  private final OrganisationChanges changes;
  private final TransactionTemplate transaction;
  private final CountyClock clock;
  private final IdentityStep identityStep;
  private final HeadLoginWriter headLogins;
  private final ApplicationEventPublisher events;

  OrganisationImport(
      OrganisationRules rules,
      OrganisationChanges changes,
      PlatformTransactionManager transactions,
      CountyClock clock,
      IdentityStep identityStep,
      HeadLoginWriter headLogins,
      ApplicationEventPublisher events) {
    this.events = events;
    this.identityStep = identityStep;
    this.headLogins = headLogins;
    this.rules = rules;
    this.changes = changes;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public Result importWorkbook(Path file, String actor, boolean dryRun) {
    IdentityStep.Pending identity = new IdentityStep.Pending();
    HeadLogins heads = new HeadLogins();
    Result result;
    try (WorkbookReader reader = WorkbookReader.open(file)) {
      result = applyWorkbook(reader, actor, dryRun, identity, heads);
    }
    if (dryRun) {
      return result;
    }
    // The plan and the reader are gone by now: the identity slices run with the heap they held.
    identityStep.writeInSlices(identity);
    headLogins.start(heads);
    return new Result(
        false,
        result.importId(),
        result.created(),
        result.updated(),
        result.retired(),
        result.unchanged(),
        result.handedOverTasks(),
        heads.size());
  }

  private Result applyWorkbook(
      WorkbookReader reader,
      String actor,
      boolean dryRun,
      IdentityStep.Pending identity,
      HeadLogins heads) {
    List<String> missing = new ArrayList<>();
    for (OrgKind kind : OrgKind.values()) {
      if (!reader.hasSheet(kind.sheet())) {
        missing.add(kind.sheet());
      }
    }
    if (!missing.isEmpty()) {
      throw Refusal.unprocessable(
          ChangeRefused.TYPE, "工作簿格式不符", "缺少工作表: " + String.join("、", missing), List.of());
    }
    OrganisationRules.Plan plan = rules.plan();
    List<ReportEntry> report = plan.report();
    for (OrgKind kind : OrgKind.values()) {
      reader.read(
          kind,
          report,
          (row, values) ->
              Records.of(kind, row, values, report)
                  .ifPresent(
                      record -> {
                        if (kind == OrgKind.HOUSEHOLDS) {
                          rules.household(plan, record, row);
                        } else {
                          plan.want(record, row);
                        }
                      }));
    }
    rules.check(plan);
    if (!report.isEmpty()) {
      throw ChangeRefused.of(report);
    }
    String importId = UUID.randomUUID().toString();
    return transaction.execute(
        status -> {
          Result applied = apply(reader, plan, actor, importId, dryRun, identity, heads);
          if (dryRun) {
            status.setRollbackOnly();
          }
          return applied;
        });
  }

  private Result apply(
      WorkbookReader reader,
      OrganisationRules.Plan plan,
      String actor,
      String importId,
      boolean dryRun,
      IdentityStep.Pending identity,
      HeadLogins heads) {
    OrganisationChanges.Outcome outcome = OrganisationChanges.Outcome.NONE;
    for (OrgKind kind : OrgKind.values()) {
      if (kind == OrgKind.HOUSEHOLDS) {
        outcome = outcome.plus(households(reader, actor, importId));
        continue;
      }
      OrganisationChanges.Context context =
          new OrganisationChanges.Context(
              actor, clock.now(), importId, code -> plan.rowOf(kind, code), identity, heads);
      outcome = outcome.plus(changes.save(kind, plan.wanted(kind), context));
    }
    events.publishEvent(new HeadsImported(importId, actor));
    return new Result(
        dryRun,
        dryRun ? null : importId,
        outcome.created(),
        outcome.updated(),
        outcome.retired(),
        outcome.unchanged(),
        outcome.handedOverTasks(),
        0);
  }

  /** The households sheet a second time, in batches: half a million rows are never held. */
  private OrganisationChanges.Outcome households(
      WorkbookReader reader, String actor, String importId) {
    List<OrgRecord> batch = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    List<ReportEntry> report = new ArrayList<>();
    OrganisationChanges.Outcome[] outcome = {OrganisationChanges.Outcome.NONE};
    reader.read(
        OrgKind.HOUSEHOLDS,
        report,
        (row, values) ->
            Records.of(OrgKind.HOUSEHOLDS, row, values, report)
                .ifPresent(
                    record -> {
                      batch.add(record);
                      rows.add(row);
                      if (batch.size() == HOUSEHOLD_BATCH) {
                        outcome[0] = outcome[0].plus(saveHouseholds(batch, rows, actor, importId));
                      }
                    }));
    if (!batch.isEmpty()) {
      outcome[0] = outcome[0].plus(saveHouseholds(batch, rows, actor, importId));
    }
    return outcome[0];
  }

  private OrganisationChanges.Outcome saveHouseholds(
      List<OrgRecord> batch, List<Integer> rows, String actor, String importId) {
    List<OrgRecord> records = List.copyOf(batch);
    List<String> codes = records.stream().map(OrgRecord::code).toList();
    List<Integer> numbers = List.copyOf(rows);
    batch.clear();
    rows.clear();
    return changes.save(
        OrgKind.HOUSEHOLDS,
        records,
        new OrganisationChanges.Context(
            actor,
            clock.now(),
            importId,
            code -> {
              int i = codes.indexOf(code);
              return i < 0 ? null : numbers.get(i);
            }));
  }
}
