package org.lianhu.sensors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lianhu.org.Location;

/** Body of {@code POST /api/alerts}: what a sensor reports. */
public record AlertRequest(
    @NotBlank(message = "必须提供设备编号")
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "设备编号只能包含字母、数字和 ._:-，最长 64 位")
        String deviceId,
    @NotBlank(message = "必须提供告警类型") @Size(max = 32, message = "告警类型过长") String type,
    @NotNull(message = "必须提供设备位置") @Valid Location location,
    @NotBlank(message = "必须提供状态") String status,
    @Size(max = 500, message = "告警信息不能超过 500 字") String message) {}
