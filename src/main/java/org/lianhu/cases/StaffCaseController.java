package org.lianhu.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import org.lianhu.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff's view of the cases of their units (HTTP Basic, see {@code StaffAuthenticationFilter}). */
@RestController
@RequestMapping("/api/staff/cases")
public class StaffCaseController {

  /** Far enough for any county; keeps page x size inside an int. */
  static final int MAX_PAGE = 100_000;

  private final StaffCases staffCases;
  private final CopyRemarks copyRemarks;

  public StaffCaseController(StaffCases staffCases, CopyRemarks copyRemarks) {
    this.staffCases = staffCases;
    this.copyRemarks = copyRemarks;
  }

  /** 抄送本部门: the cases copied to the caller's offices. */
  @GetMapping("/copied")
  public List<CopyRemarks.CopiedCase> copied(
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return copyRemarks.copiedToCaller(page, size);
  }

  /** A supervision remark (督办意见) by the office the case is copied to. */
  @PostMapping("/{caseNo}/supervision-remarks")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void remark(@PathVariable String caseNo, @RequestBody RemarkRequest request) {
    copyRemarks.add(caseNo, request == null ? null : request.remark());
  }

  public record RemarkRequest(String remark) {}

  @GetMapping
  public List<StaffCases.Summary> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    if (status != null
        && Arrays.stream(CaseStatus.values()).noneMatch(s -> s.name().equals(status))) {
      throw Problems.invalid(
          "status", "未知的状态 " + status + "，可选: " + Arrays.toString(CaseStatus.values()));
    }
    return staffCases.list(status == null ? null : CaseStatus.valueOf(status), page, size);
  }

  @GetMapping("/{caseNo}")
  public StaffCases.Detail detail(@PathVariable String caseNo) {
    return staffCases.detail(caseNo);
  }
}
