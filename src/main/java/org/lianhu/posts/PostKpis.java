package org.lianhu.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lianhu.calendar.CountyClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts' and terms' KPIs of a period by community (formulas in docs/liaison-heads.md): vacancy
 * days, back-fill time, posts filled within the back-fill limit, and turnover (terms that ended in
 * the period over the heads in post when it began).
 */
@Service
public class PostKpis {

  /** A community's figures of the period; a rate or average is null without a base. */
  public record Row(
      String communityCode,
      String streetCode,
      double vacancyDays,
      int filled,
      int chosenInTime,
      Double backfillDays,
      int headsAtStart,
      int termsEnded,
      Double turnover) {}

  private final PostMapper posts;
  private final Terms terms;
  private final PostSettings settings;
  private final CountyClock clock;

  PostKpis(PostMapper posts, Terms terms, PostSettings settings, CountyClock clock) {
    this.posts = posts;
    this.terms = terms;
    this.settings = settings;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Row> of(String streetCode, Instant from, Instant to) {
    Instant until = clock.now().isBefore(to) ? clock.now() : to;
    Map<String, double[]> vacancy = new TreeMap<>();
    Map<String, String> streets = new TreeMap<>();
    for (HeadPost post : posts.openDuring(streetCode, from, to)) {
      streets.put(post.communityCode(), post.streetCode());
      double[] v = vacancy.computeIfAbsent(post.communityCode(), k -> new double[4]);
      Instant start = post.openedAt().isAfter(from) ? post.openedAt() : from;
      Instant end =
          post.filledAt() == null || post.filledAt().isAfter(until) ? until : post.filledAt();
      if (end.isAfter(start)) {
        v[0] += Duration.between(start, end).toMinutes() / 1440.0;
      }
      if (post.filledAt() != null
          && !post.filledAt().isBefore(from)
          && post.filledAt().isBefore(to)) {
        v[1]++;
        v[3] += Duration.between(post.openedAt(), post.filledAt()).toMinutes() / 1440.0;
      }
      if (post.firstChosenAt() != null
          && !post.openedAt().isBefore(from)
          && Duration.between(post.openedAt(), post.firstChosenAt()).toMinutes()
              <= settings.backfillDays() * 1440L) {
        v[2]++;
      }
    }
    Map<String, int[]> turnover = new TreeMap<>();
    Set<Long> counted = new HashSet<>();
    for (HeadTerm term : terms.inPostDuring(null, streetCode, from, to)) {
      if (!counted.add(term.id())) {
        continue;
      }
      streets.put(term.communityCode(), term.streetCode());
      int[] t = turnover.computeIfAbsent(term.communityCode(), k -> new int[2]);
      if (term.startedAt() == null || !term.startedAt().isAfter(from)) {
        t[0]++;
      }
      if (term.endedAt() != null && !term.endedAt().isBefore(from) && term.endedAt().isBefore(to)) {
        t[1]++;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (String community : streets.keySet()) {
      double[] v = vacancy.getOrDefault(community, new double[4]);
      int[] t = turnover.getOrDefault(community, new int[2]);
      rows.add(
          new Row(
              community,
              streets.get(community),
              Math.round(v[0] * 10) / 10.0,
              (int) v[1],
              (int) v[2],
              v[1] == 0 ? null : Math.round(v[3] / v[1] * 10) / 10.0,
              t[0],
              t[1],
              t[0] == 0 ? null : (double) t[1] / t[0]));
    }
    return rows;
  }
}
