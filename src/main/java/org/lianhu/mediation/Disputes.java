package org.lianhu.mediation;

import org.springframework.stereotype.Service;

/** Reads disputes for the mediation steps; only {@link DisputeLifecycle} changes them. */
@Service
public class Disputes {

  private final DisputeMapper disputes;

  Disputes(DisputeMapper disputes) {
    this.disputes = disputes;
  }

  public Dispute byId(long id) {
    return disputes.findById(id);
  }
}
