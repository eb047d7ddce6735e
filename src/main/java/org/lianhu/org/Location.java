package org.lianhu.org;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Where something was reported: an address, optional coordinates, optional liaison unit. */
public record Location(
    @NotBlank(message = "必须填写地址") @Size(max = 200, message = "地址不能超过 200 字") String address,
    @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间")
        @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间")
        @Digits(integer = 3, fraction = 12, message = "纬度最多 12 位小数")
        BigDecimal latitude,
    @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间")
        @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间")
        @Digits(integer = 3, fraction = 12, message = "经度最多 12 位小数")
        BigDecimal longitude,
    @Size(max = 32, message = "联户单元代码过长") String liaisonUnit) {}
