package org.lianhu.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.ReceivedFile;
import org.lianhu.refusal.Choices;
import org.lianhu.throttle.GuessThrottle;
import org.lianhu.web.Requests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The residents' API: report a case, follow it, rate the result. */
@RestController
@RequestMapping("/api")
public class CaseController {

  static final String TRACKING_HEADER = "X-Tracking-Code";

  private final CaseIntake intake;
  private final CaseTracking tracking;
  private final CaseRating rating;
  private final CaseMapper cases;
  private final GuessThrottle guesses;
  private final ReportingSources sources;
  private final Attachments attachments;

  public CaseController(
      CaseIntake intake,
      CaseTracking tracking,
      CaseRating rating,
      CaseMapper cases,
      GuessThrottle guesses,
      ReportingSources sources,
      Attachments attachments) {
    this.attachments = attachments;
    this.sources = sources;
    this.intake = intake;
    this.tracking = tracking;
    this.rating = rating;
    this.cases = cases;
    this.guesses = guesses;
  }

  @GetMapping("/categories")
  public List<CaseCategory> categories() {
    return cases.categories();
  }

  @PostMapping("/cases")
  public ResponseEntity<CaseReceipt> report(
      @Valid @RequestBody ReportCaseRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return reported(request, List.of(), idempotencyKey, authorization);
  }

  /**
   * A report with its photos in one request: the part {@code report} is the JSON body of {@link
   * #report}, the parts {@code photos} the files.
   */
  @PostMapping(path = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<CaseReceipt> reportWithPhotos(
      @Valid @RequestPart("report") ReportCaseRequest request,
      @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    List<ReceivedFile> received = FileResponses.received(attachments, "photos", photos);
    try {
      ResponseEntity<CaseReceipt> answer =
          reported(request, received, idempotencyKey, authorization);
      if (answer.getBody() != null && answer.getBody().replayed()) {
        attachments.discard(received); // the first request's photos are the case's
      }
      return answer;
    } catch (RuntimeException refused) {
      attachments.discard(received);
      throw refused;
    }
  }

  private ResponseEntity<CaseReceipt> reported(
      ReportCaseRequest request,
      List<ReceivedFile> photos,
      String idempotencyKey,
      String authorization) {
    request =
        sources.vouched(
            Choices.of(CaseSource.class, "source", request.source(), CaseSource.resident),
            authorization,
            request);
    String key = Requests.idempotencyKey(idempotencyKey);
    CaseReceipt receipt;
    try {
      receipt = intake.report(request, key, null, photos);
    } catch (DuplicateKeyException raced) {
      // Another request with the same key committed first; its transaction rolled ours back whole.
      if (key == null) {
        throw raced;
      }
      receipt = intake.replayed(request, key);
    }
    HttpStatus status = receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status)
        .location(URI.create("/api/cases/" + receipt.caseNo()))
        .body(receipt);
  }

  @GetMapping("/cases/{caseNo}")
  public CaseView view(
      @PathVariable String caseNo,
      @RequestHeader(name = TRACKING_HEADER, required = false) String codeHeader,
      @RequestParam(name = "trackingCode", required = false) String codeParam,
      HttpServletRequest http) {
    String code = Requests.trackingCode(codeHeader, codeParam);
    return guesses.guarded(
        caseNo, http.getRemoteAddr(), () -> tracking.view(caseNo, code), Requests::notFound);
  }

  @PostMapping("/cases/{caseNo}/rating")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void rate(
      @PathVariable String caseNo,
      @Valid @RequestBody RateCaseRequest request,
      HttpServletRequest http) {
    guesses.guarded(
        caseNo,
        http.getRemoteAddr(),
        () -> {
          rating.rate(caseNo, request);
          return null;
        },
        Requests::notFound);
  }
}
