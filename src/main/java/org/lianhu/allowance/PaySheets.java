package org.lianhu.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.liaison.Activities;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A street's monthly pay sheet: drawn up (and drawn up again) as a draft by the street, from the
 * terms in post in the month, their latest final grades, activities and awards; approved by the
 * street, after which it never changes. A sheet drawn up later carries, as correction lines, what
 * the months of the last year on final sheets would pay now beyond what they paid (a grade revised
 * on appeal, a term recorded late). The one class that writes the pay tables.
 */
@Service
public class PaySheets {

  /** How many months back a new sheet corrects final ones. */
  static final int CORRECTION_MONTHS = 12;

  private final PayMapper pay;
  private final Terms terms;
  private final Evaluations evaluations;
  private final Activities activities;
  private final Awards awards;
  private final PostAccess access;
  private final PayCalculator calculator;
  private final CountyClock clock;

  PaySheets(
      PayMapper pay,
      Terms terms,
      Evaluations evaluations,
      Activities activities,
      Awards awards,
      PostAccess access,
      AllowanceSettings settings,
      CountyClock clock) {
    this.pay = pay;
    this.terms = terms;
    this.evaluations = evaluations;
    this.activities = activities;
    this.awards = awards;
    this.access = access;
    this.calculator = new PayCalculator(settings, clock);
    this.clock = clock;
  }

  /** Draws up (again) the street's draft of a month that has begun. */
  @Transactional
  public PaySheet draw(String streetCode, String monthText) {
    YearMonth month = month(monthText);
    PostAccess.Caller caller = access.caller();
    if (!access.inStreet(caller, streetCode)) {
      throw Refusal.forbidden("补贴发放表由所属街道编制和审定");
    }
    if (month.isAfter(YearMonth.from(clock.today()))) {
      throw Refusal.invalid("month", "不能编制未来月份的发放表");
    }
    PaySheet sheet = pay.sheetOf(streetCode, month.toString());
    if (sheet != null && sheet.isFinal()) {
      throw Refusal.conflict("sheet-final", "发放表已审定", month + " 的发放表已审定，不再变动；更正将列入以后月份的发放表");
    }
    if (sheet == null) {
      Map<String, Object> row = new HashMap<>();
      row.put("streetCode", streetCode);
      row.put("payMonth", month.toString());
      row.put("status", PaySheet.DRAFT);
      row.put("computedAt", clock.now());
      row.put("computedBy", caller.userId());
      pay.insertSheet(row);
      sheet = pay.sheet(((Number) row.get("id")).longValue());
    } else {
      pay.deleteLines(sheet.id());
      pay.recomputed(sheet.id(), clock.now(), caller.userId());
    }
    for (PayLine line : linesOf(sheet.id(), streetCode, month)) {
      pay.insertLine(line);
    }
    for (PaySheet earlier :
        pay.finalSheets(
            streetCode,
            month.minusMonths(CORRECTION_MONTHS).toString(),
            month.toString(),
            PaySheet.FINAL)) {
      for (PayLine due : linesOf(sheet.id(), streetCode, YearMonth.parse(earlier.payMonth()))) {
        correction(sheet.id(), due).ifPresent(pay::insertLine);
      }
    }
    return pay.sheet(sheet.id());
  }

  /** The lines a month pays now, one per term in post in it. */
  private List<PayLine> linesOf(long sheetId, String streetCode, YearMonth month) {
    Instant from = clock.startOf(month.atDay(1));
    Instant to = clock.startOf(month.plusMonths(1).atDay(1));
    List<PayLine> lines = new ArrayList<>();
    for (HeadTerm term : terms.inPostDuring(null, streetCode, from, to)) {
      PayCalculator.Amounts amounts =
          calculator.amounts(
              month,
              term.startedAt(),
              term.endedAt(),
              evaluations.latestFinalGrade(term.headUserId(), to),
              activities
                  .ofHead(term.headUserId(), month.atDay(1), month.plusMonths(1).atDay(1))
                  .size(),
              awards.honoured(term.headUserId(), month.getYear() - 1));
      if (amounts.days() == 0) {
        continue;
      }
      lines.add(
          new PayLine(
              0,
              sheetId,
              term.id(),
              term.headUserId(),
              term.headName(),
              term.unitCode(),
              term.communityCode(),
              month.toString(),
              amounts.days(),
              amounts.base(),
              amounts.performance(),
              amounts.honour(),
              amounts.total(),
              null));
    }
    return lines;
  }

  /** What a final month's line would pay now beyond what final sheets paid for it. */
  private java.util.Optional<PayLine> correction(long sheetId, PayLine due) {
    BigDecimal base = due.base();
    BigDecimal performance = due.performance();
    BigDecimal honour = due.honour();
    for (PayLine paid : pay.linesFor(due.termId(), due.forMonth(), sheetId, PaySheet.FINAL)) {
      if (paid.sheetId() == sheetId && paid.note() == null) {
        continue;
      }
      base = base.subtract(paid.base());
      performance = performance.subtract(paid.performance());
      honour = honour.subtract(paid.honour());
    }
    BigDecimal total = base.add(performance).add(honour);
    if (total.signum() == 0 && base.signum() == 0 && performance.signum() == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new PayLine(
            0,
            sheetId,
            due.termId(),
            due.headUserId(),
            due.headName(),
            due.unitCode(),
            due.communityCode(),
            due.forMonth(),
            due.daysInPost(),
            base,
            performance,
            honour,
            total,
            "补差：" + due.forMonth()));
  }

  /** The street approves its draft: final from now on. */
  @Transactional
  public PaySheet approve(long id) {
    PaySheet sheet = sheet(id);
    PostAccess.Caller caller = access.caller();
    if (!access.inStreet(caller, sheet.streetCode())) {
      throw Refusal.forbidden("补贴发放表由所属街道审定");
    }
    if (pay.approve(id, caller.userId(), clock.now(), PaySheet.FINAL, PaySheet.DRAFT) == 0) {
      throw Refusal.conflict("sheet-final", "发放表已审定", "该发放表已审定");
    }
    return pay.sheet(id);
  }

  PaySheet sheet(long id) {
    PaySheet sheet = pay.sheet(id);
    if (sheet == null) {
      throw Refusal.notFound("发放表 " + id + " 不存在");
    }
    return sheet;
  }

  /** The sheet's lines the caller may read: the street and the county all, a community its own. */
  @Transactional(readOnly = true)
  public List<PayLine> lines(long id) {
    PaySheet sheet = sheet(id);
    PostAccess.Caller caller = access.caller();
    if (access.inStreet(caller, sheet.streetCode()) || access.countyWide(caller)) {
      return pay.lines(id);
    }
    PostAccess.Scope scope = access.scope(caller);
    List<PayLine> own =
        pay.lines(id).stream().filter(l -> scope.inCommunity(l.communityCode())).toList();
    if (own.isEmpty()) {
      throw Refusal.forbidden("仅所属街道、社区和县级工作人员可查看");
    }
    return own;
  }

  /** The head's own lines on final sheets. */
  @Transactional(readOnly = true)
  public List<PayLine> ofHead(String headUserId) {
    return pay.finalLinesOfHead(headUserId, PaySheet.FINAL);
  }

  /** The community office keeps the head's bank account (personal data). */
  @Transactional
  public void bankAccount(String headUserId, String account) {
    HeadTerm term =
        terms.openTermOf(headUserId).orElseThrow(() -> Refusal.notFound("不是在任联户长：" + headUserId));
    access.requireCommunity(term.communityCode());
    String digits = account == null ? "" : account.replace(" ", "");
    if (!digits.matches("\\d{12,30}")) {
      throw Refusal.invalid("account", "银行账号须为12到30位数字");
    }
    terms.setBankAccount(term.id(), digits);
  }

  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text == null ? "" : text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw Refusal.invalid("month", "月份格式为 yyyy-MM，例如 2026-11");
    }
  }

  /** A bank account as every sheet shows it: the first four and the last four digits. */
  static String masked(String account) {
    if (account == null || account.length() < 8) {
      return account == null ? null : "****";
    }
    return account.substring(0, 4) + " **** **** " + account.substring(account.length() - 4);
  }
}
