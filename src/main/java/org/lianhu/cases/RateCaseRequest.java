package org.lianhu.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/cases/{caseNo}/rating}. */
public record RateCaseRequest(
    @NotBlank(message = "必须提供查询码") @Size(max = 16, message = "查询码过长") String trackingCode,
    @NotBlank(message = "必须选择评价") String rating,
    @Size(max = 500, message = "评价意见不能超过 500 字") String comment) {}
