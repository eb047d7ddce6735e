package org.lianhu.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.lianhu.attachments.Attachment;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.FileContent;
import org.lianhu.attachments.ReceivedFile;
import org.lianhu.refusal.Refusal;
import org.lianhu.throttle.GuessThrottle;
import org.lianhu.web.Requests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and documents of cases: uploads ahead of a report, the reporter's view (with the tracking
 * code) and the staff's (within their scope), and handlers' evidence.
 */
@RestController
public class CaseFilesController {

  private final Attachments attachments;
  private final CaseTracking tracking;
  private final StaffCases staffCases;
  private final GuessThrottle guesses;

  public CaseFilesController(
      Attachments attachments,
      CaseTracking tracking,
      StaffCases staffCases,
      GuessThrottle guesses) {
    this.attachments = attachments;
    this.tracking = tracking;
    this.staffCases = staffCases;
    this.guesses = guesses;
  }

  /** What an upload ahead of its report answers: the id the report names in {@code photos}. */
  public record UploadReceipt(
      String id, String mediaType, long size, Integer width, Integer height, Instant expiresAt) {}

  @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<UploadReceipt> upload(@RequestPart("file") MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return kept(attachments.receive("file", file.getOriginalFilename(), in));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /**
   * The file itself as the body (any {@code Content-Type}: the type is taken from the content), its
   * name in {@code X-File-Name} (percent-encoded UTF-8). Streamed into the spool as it arrives,
   * without multipart parsing: the path the pages use.
   */
  @PostMapping(path = "/api/uploads")
  public ResponseEntity<UploadReceipt> uploadBody(
      HttpServletRequest request,
      @RequestHeader(name = "X-File-Name", required = false) String encodedName) {
    try (InputStream in = request.getInputStream()) {
      return kept(attachments.receive("file", FileResponses.decodedName(encodedName), in));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private ResponseEntity<UploadReceipt> kept(ReceivedFile received) {
    Attachment kept;
    try {
      kept = attachments.upload(received);
    } catch (RuntimeException failed) {
      attachments.discard(List.of(received));
      throw failed;
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new UploadReceipt(
                kept.id(),
                kept.mediaType(),
                kept.byteSize(),
                kept.width(),
                kept.height(),
                kept.uploadedAt().plus(attachments.settings().uploadLifetime())));
  }

  @GetMapping("/api/cases/{caseNo}/files/{fileId}")
  public void reporterFile(
      @PathVariable String caseNo,
      @PathVariable String fileId,
      @RequestHeader(name = CaseController.TRACKING_HEADER, required = false) String codeHeader,
      @RequestParam(name = "trackingCode", required = false) String codeParam,
      HttpServletRequest http,
      HttpServletResponse response) {
    FileResponses.send(
        reporter(caseNo, fileId, Requests.trackingCode(codeHeader, codeParam), false, http),
        response);
  }

  @GetMapping("/api/cases/{caseNo}/files/{fileId}/thumbnail")
  public void reporterThumbnail(
      @PathVariable String caseNo,
      @PathVariable String fileId,
      @RequestHeader(name = CaseController.TRACKING_HEADER, required = false) String codeHeader,
      @RequestParam(name = "trackingCode", required = false) String codeParam,
      HttpServletRequest http,
      HttpServletResponse response) {
    FileResponses.send(
        reporter(caseNo, fileId, Requests.trackingCode(codeHeader, codeParam), true, http),
        response);
  }

  private FileContent reporter(
      String caseNo, String fileId, String code, boolean thumbnail, HttpServletRequest http) {
    return guesses.guarded(
        caseNo,
        http.getRemoteAddr(),
        () -> tracking.file(caseNo, code, fileId, thumbnail),
        Requests::notFound);
  }

  @GetMapping("/api/staff/cases/{caseNo}/files/{fileId}")
  public void staffFile(
      @PathVariable String caseNo, @PathVariable String fileId, HttpServletResponse response) {
    FileResponses.send(staffCases.file(caseNo, fileId, false), response);
  }

  @GetMapping("/api/staff/cases/{caseNo}/files/{fileId}/thumbnail")
  public void staffThumbnail(
      @PathVariable String caseNo, @PathVariable String fileId, HttpServletResponse response) {
    FileResponses.send(staffCases.file(caseNo, fileId, true), response);
  }

  /** 办理照片: multipart field {@code files}, one or more. */
  @PostMapping(
      path = "/api/staff/cases/{caseNo}/files",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<List<CaseFile>> addEvidence(
      @PathVariable String caseNo,
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    if (files == null || files.isEmpty()) {
      throw Refusal.invalid("files", "请选择要上传的照片（multipart 字段 files）");
    }
    List<ReceivedFile> received = FileResponses.received(attachments, "files", files);
    try {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(staffCases.addEvidence(caseNo, received));
    } catch (RuntimeException refused) {
      attachments.discard(received);
      throw refused;
    }
  }
}
