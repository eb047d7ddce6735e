package org.lianhu.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that may be larger than {@link BodySizeLimit#MAX_BODY_BYTES}: uploads. The module that
 * serves them says which and how large; everything else keeps the small limit.
 */
public interface LargeBodies {

  /** The largest body this request may have, in bytes, or -1 when the small limit applies. */
  long limitFor(HttpServletRequest request);
}
