package org.lianhu.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostKpis;
import org.lianhu.posts.PostViews;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.training.TrainingViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The heads' KPIs of a year by community (docs/liaison-heads.md, "KPIs"): heads in post over posts,
 * vacancy days, back-fill time, turnover (target at most 10% a year), the reserve pool against its
 * target, training coverage, and the distribution of final grades. Who sees which communities
 * follows the reserve pool's rule (the county all, a street its own, a community itself).
 */
@Service
@Transactional(readOnly = true)
public class HeadKpis {

  public record Row(
      String communityCode,
      String communityName,
      String streetCode,
      int posts,
      int headsInPost,
      int vacantNow,
      double vacancyDays,
      int filled,
      int chosenInTime,
      Double backfillDays,
      int headsAtStart,
      int termsEnded,
      Double turnover,
      String turnoverLight,
      int pool,
      int poolTarget,
      String poolLight,
      Double trainingCoverage,
      String trainingLight,
      Map<String, Integer> grades) {}

  private final PostViews posts;
  private final PostKpis postKpis;
  private final Terms terms;
  private final TrainingViews training;
  private final Evaluations evaluations;
  private final CountyClock clock;

  /** The turnover a year may reach and stay green (lianhu.stats.targets.head-turnover). */
  private final double turnoverTarget;

  HeadKpis(
      PostViews posts,
      PostKpis postKpis,
      Terms terms,
      TrainingViews training,
      Evaluations evaluations,
      CountyClock clock,
      StatsSettings settings) {
    this.turnoverTarget = settings.targets().headTurnover();
    this.posts = posts;
    this.postKpis = postKpis;
    this.terms = terms;
    this.training = training;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  public List<Row> of(int year, String streetCode) {
    if (year < 2000 || year > clock.today().getYear()) {
      throw Refusal.invalid("year", "年份须在 2000 年到今年之间");
    }
    Instant from = clock.startOf(LocalDate.of(year, 1, 1));
    Instant to = clock.startOf(LocalDate.of(year + 1, 1, 1));
    Instant now = clock.now();
    Map<String, Integer> inPost = new HashMap<>();
    for (HeadTerm term : terms.inPostDuring(null, streetCode, now, now.plusMillis(1))) {
      if (term.open()) {
        inPost.merge(term.communityCode(), 1, Integer::sum);
      }
    }
    Map<String, PostKpis.Row> kpis = new HashMap<>();
    postKpis.of(streetCode, from, to).forEach(r -> kpis.put(r.communityCode(), r));
    Map<String, TrainingViews.Coverage> coverage = new HashMap<>();
    training.coverage(year, streetCode).forEach(c -> coverage.put(c.communityCode(), c));
    Map<String, Map<String, Integer>> grades = evaluations.gradesOfYear(year, streetCode);
    List<Row> rows = new ArrayList<>();
    for (PostViews.Pool pool : posts.pools(streetCode)) {
      String community = pool.communityCode();
      PostKpis.Row k = kpis.get(community);
      TrainingViews.Coverage c = coverage.get(community);
      Double turnover = k == null ? null : k.turnover();
      rows.add(
          new Row(
              community,
              pool.communityName(),
              pool.streetCode(),
              pool.posts(),
              inPost.getOrDefault(community, 0),
              pool.vacant(),
              k == null ? 0 : k.vacancyDays(),
              k == null ? 0 : k.filled(),
              k == null ? 0 : k.chosenInTime(),
              k == null ? null : k.backfillDays(),
              k == null ? 0 : k.headsAtStart(),
              k == null ? 0 : k.termsEnded(),
              turnover,
              turnover == null ? null : turnover <= turnoverTarget ? "green" : "red",
              pool.pool(),
              pool.target(),
              pool.light(),
              c == null ? null : c.rate(),
              c == null ? null : c.light(),
              grades.getOrDefault(community, Map.of())));
    }
    return rows;
  }
}
