package org.lianhu.cases;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.lianhu.web.Requests;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The residents' API: report a case, follow it, rate the result. */
@RestController
@RequestMapping("/api")
public class CaseController {

  static final String TRACKING_HEADER = "X-Tracking-Code";

  private final CaseIntake intake;
  private final CaseTracking tracking;
  private final CaseRating rating;
  private final CaseMapper cases;

  public CaseController(CaseIntake intake, CaseTracking tracking, CaseRating rating, CaseMapper cases) {
    this.intake = intake;
    this.tracking = tracking;
    this.rating = rating;
    this.cases = cases;
  }

  @GetMapping("/categories")
  public List<CaseCategory> categories() {
    return cases.categories();
  }

  @PostMapping("/cases")
  public ResponseEntity<CaseReceipt> report(@Valid @RequestBody ReportCaseRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String key = Requests.idempotencyKey(idempotencyKey);
    CaseReceipt receipt;
    try {
      receipt = intake.report(request, key);
    } catch (DuplicateKeyException raced) {
      // Another request with the same key committed first; its transaction rolled ours back whole.
      if (key == null) {
        throw raced;
      }
      receipt = intake.replayed(request, key);
    }
    HttpStatus status = receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status).location(URI.create("/api/cases/" + receipt.caseNo())).body(receipt);
  }

  @GetMapping("/cases/{caseNo}")
  public CaseView view(@PathVariable String caseNo,
      @RequestHeader(name = TRACKING_HEADER, required = false) String codeHeader,
      @RequestParam(name = "trackingCode", required = false) String codeParam) {
    return tracking.view(caseNo, Requests.trackingCode(codeHeader, codeParam));
  }

  @PostMapping("/cases/{caseNo}/rating")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void rate(@PathVariable String caseNo, @Valid @RequestBody RateCaseRequest request) {
    rating.rate(caseNo, request);
  }
}
