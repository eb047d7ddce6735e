package org.lianhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The residents' page, the dashboard and the case's staff page: own scripts only, never framed,
 * never sniffed, no referrer; photos shown from object URLs ({@code blob:}) only.
 */
class PageHeadersTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;

  @Test
  void bothPagesAndTheirScriptsSendTheSecurityHeaders() {
    for (String path :
        new String[] {
          "/report/",
          "/dashboard/",
          "/case/",
          "/report/report.js",
          "/dashboard/dashboard.css",
          "/case/case.js",
          "/shared/staff.js"
        }) {
      ResponseEntity<String> page = http.getForEntity(path, String.class);
      HttpHeaders headers = page.getHeaders();
      assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
      assertThat(headers.getFirst("Content-Security-Policy"))
          .as(path)
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline")
          .contains("img-src 'self' data: blob:;");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }
  }
}
