package org.lianhu.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
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

  static final String UPLOADS = "/api/uploads";
  private static final Pattern PATHS =
      Pattern.compile("/api/(cases|uploads|staff/cases/[^/]+/files)");

  private final AttachmentSettings settings;

  CaseUploadBodies(AttachmentSettings settings) {
    this.settings = settings;
  }

  @Override
  public long limitFor(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return -1;
    }
    String type = request.getContentType();
    if (type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && PATHS.matcher(request.getRequestURI()).matches()) {
      return settings.maxUploadRequestBytes();
    }
    if (UPLOADS.equals(request.getRequestURI())) {
      // One file as the body. The file's own limit, counted as it streams in, refuses it first
      // (with its own problem): this one is a read buffer further.
      return settings.maxFileSize().toBytes() + 128 * 1024;
    }
    return -1;
  }
}
