package org.lianhu.mediation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lianhu.throttle.GuessThrottle;
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
import org.springframework.web.bind.annotation.RestController;

/** Register a dispute and follow its mediation. */
@RestController
@RequestMapping("/api/disputes")
public class DisputeController {

  private final DisputeIntake intake;
  private final DisputeTracking tracking;
  private final GuessThrottle guesses;

  public DisputeController(DisputeIntake intake, DisputeTracking tracking, GuessThrottle guesses) {
    this.guesses = guesses;
    this.intake = intake;
    this.tracking = tracking;
  }

  @GetMapping("/types")
  public List<Map<String, String>> types() {
    return Arrays.stream(DisputeType.values())
        .map(t -> Map.of("code", t.name(), "name", t.label()))
        .toList();
  }

  @PostMapping
  public ResponseEntity<DisputeReceipt> register(
      @Valid @RequestBody RegisterDisputeRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    String key = Requests.idempotencyKey(idempotencyKey);
    DisputeReceipt receipt;
    try {
      receipt = intake.register(request, key);
    } catch (DuplicateKeyException raced) {
      if (key == null) {
        throw raced;
      }
      receipt = intake.register(request, key);
    }
    HttpStatus status = receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status)
        .location(URI.create("/api/disputes/" + receipt.disputeNo()))
        .body(receipt);
  }

  @GetMapping("/{disputeNo}")
  public DisputeView view(
      @PathVariable String disputeNo,
      @RequestHeader(name = "X-Tracking-Code", required = false) String codeHeader,
      @RequestParam(name = "trackingCode", required = false) String codeParam,
      HttpServletRequest http) {
    String code = Requests.trackingCode(codeHeader, codeParam);
    return guesses.guarded(
        disputeNo, http.getRemoteAddr(), () -> tracking.view(disputeNo, code), Requests::notFound);
  }
}
