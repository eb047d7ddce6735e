package org.lianhu.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.lianhu.attachments.AttachmentSettings;
import org.lianhu.web.LargeBodies;
import org.springframework.stereotype.Component;

/**
 * The requests that carry photos may be as large as a report's photos at their limit: a report with
 * photos, an upload ahead of a report, a handler's evidence. Only multipart POSTs to those paths;
 * their JSON bodies keep the small limit.
 */
@Component
class CaseUploadBodies implements LargeBodies {

  private static final Pattern PATHS =
      Pattern.compile("/api/(cases|uploads|staff/cases/[^/]+/files)");

  private final AttachmentSettings settings;

  CaseUploadBodies(AttachmentSettings settings) {
    this.settings = settings;
  }

  @Override
  public long limitFor(HttpServletRequest request) {
    String type = request.getContentType();
    boolean upload =
        "POST".equals(request.getMethod())
            && type != null
            && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
            && PATHS.matcher(request.getRequestURI()).matches();
    return upload ? settings.maxUploadRequestBytes() : -1;
  }
}
