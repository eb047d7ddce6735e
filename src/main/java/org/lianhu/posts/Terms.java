package org.lianhu.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.HeadChanged;
import org.lianhu.org.HeadsImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The heads' terms, kept in step with the organisation: a term ends when its head leaves the unit
 * (for the reason of the post then opened, else {@code replaced}) and begins when a head takes a
 * unit, whether appointed by the selection or written by an administrator or a workbook. The one
 * class that writes {@code head_term}.
 */
@Service
public class Terms {

  /** The end reason of a head followed directly by another (an administrator's edit). */
  static final String REPLACED = "replaced";

  private final TermMapper terms;
  private final PostMapper posts;
  private final CountyClock clock;
  private final ApplicationEventPublisher events;

  Terms(TermMapper terms, PostMapper posts, CountyClock clock, ApplicationEventPublisher events) {
    this.terms = terms;
    this.posts = posts;
    this.clock = clock;
    this.events = events;
  }

  @EventListener
  void headChanged(HeadChanged changed) {
    HeadPost open = posts.openPostOfUnit(changed.unitCode());
    Instant now = clock.now();
    if (changed.former() != null) {
      HeadTerm ending = terms.openTermOf(changed.former());
      String reason = open != null ? open.reason() : REPLACED;
      terms.end(changed.former(), now, reason);
      if (ending != null) {
        events.publishEvent(new TermEnded(ending.id(), changed.former(), reason));
      }
    }
    if (changed.successor() != null) {
      Map<String, Object> row = new HashMap<>();
      row.put("unitCode", changed.unitCode());
      row.put("headUserId", changed.successor());
      row.put("headName", changed.successorName());
      row.put("postId", open == null ? null : open.id());
      row.put("startedAt", now);
      terms.start(row);
      HeadTerm started = terms.term(((Number) row.get("id")).longValue());
      events.publishEvent(
          new TermStarted(
              started.id(),
              started.unitCode(),
              started.communityCode(),
              started.headUserId(),
              started.postId()));
    }
  }

  /** The account the head's allowance is paid to (checked by the caller). */
  @Transactional
  public void setBankAccount(long termId, String account) {
    terms.setBankAccount(termId, account);
  }

  /**
   * After an import: ends the open terms whose head no longer heads that unit, then starts one for
   * every unit's head without an open term, in two statements.
   */
  @EventListener
  void headsImported(HeadsImported imported) {
    Instant now = clock.now();
    terms.endStale(now, REPLACED);
    terms.startMissing(now);
  }

  public HeadTerm term(long id) {
    return terms.term(id);
  }

  /** The head's term now, if they are in post. */
  public Optional<HeadTerm> openTermOf(String headUserId) {
    return Optional.ofNullable(terms.openTermOf(headUserId));
  }

  public List<HeadTerm> termsOf(String headUserId) {
    return terms.termsOf(headUserId);
  }

  /** The terms in post at some time in [from, to) in a community or street (null: all). */
  public List<HeadTerm> inPostDuring(
      String communityCode, String streetCode, Instant from, Instant to) {
    return terms.inPostDuring(communityCode, streetCode, from, to);
  }

  public List<HeadTerm> openTermsAmong(Collection<String> headUserIds) {
    return headUserIds.isEmpty() ? List.of() : terms.openTermsAmong(headUserIds);
  }
}
