package org.lianhu.mediation;

import java.util.Optional;

/** The case numbers of the cases disputes came from; the case loop provides it. */
public interface HandedOverCases {

  Optional<String> caseNo(long caseId);
}
