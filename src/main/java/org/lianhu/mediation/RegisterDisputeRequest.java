package org.lianhu.mediation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;

/** Body of {@code POST /api/disputes}. */
public record RegisterDisputeRequest(
    @NotBlank(message = "必须填写纠纷类型") String type,
    @NotBlank(message = "必须填写纠纷情况")
        @Size(max = ReportCaseRequest.MAX_DESCRIPTION, message = "纠纷情况不能超过 2000 字")
        String description,
    @NotNull(message = "必须填写发生地点") @Valid Location location,
    @NotEmpty(message = "至少需要一名当事人") @Size(max = 20, message = "当事人不能超过 20 名")
        List<@Valid @NotNull(message = "当事人不能为空") PartyRequest> parties,
    @Size(max = 4, message = "风险标识过多") List<@NotNull(message = "风险标识不能为空") String> riskFlags) {

  public record PartyRequest(
      @NotBlank(message = "必须填写当事人角色") String role,
      @NotBlank(message = "必须填写当事人姓名") @Size(max = 64, message = "姓名不能超过 64 字") String name,
      @Pattern(regexp = "\\+?[0-9][0-9-]{4,19}", message = "联系电话只能包含数字和连字符，5 到 20 位")
          String phone) {}
}
