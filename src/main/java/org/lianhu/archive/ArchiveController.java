package org.lianhu.archive;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A head's archive (履职档案): one view and one export. */
@RestController
class ArchiveController {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final HeadArchive archive;

  ArchiveController(HeadArchive archive) {
    this.archive = archive;
  }

  @GetMapping("/api/heads/{head}/archive")
  HeadArchive.Archive view(@PathVariable String head) {
    return archive.of(head);
  }

  @GetMapping("/api/heads/{head}/archive.xlsx")
  ResponseEntity<byte[]> export(@PathVariable String head) {
    HeadArchive.Archive view = archive.of(head);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("履职档案-" + head + ".xlsx", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(ArchiveWorkbook.of(view));
  }
}
