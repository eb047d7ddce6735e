package org.lianhu.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lianhu.org.Location;

/**
 * Body of {@code POST /api/cases}. The description is kept verbatim, whitespace and all; {@code
 * photos} names uploads made ahead of the report.
 */
public record ReportCaseRequest(
    @NotBlank(message = "必须填写事件类别") @Size(max = 32, message = "事件类别代码过长") String category,
    @NotBlank(message = "必须填写诉求内容") @Size(max = MAX_DESCRIPTION, message = "诉求内容不能超过 2000 字")
        String description,
    @NotNull(message = "必须填写事发地点") @Valid Location location,
    String urgency,
    @NotNull(message = "必须填写上报人") @Valid Reporter reporter,
    String source,
    @Size(max = 20, message = "照片过多") List<@Size(max = 36, message = "上传编号无效") String> photos) {

  public static final int MAX_DESCRIPTION = 2000;

  /** A report without photos uploaded ahead of it. */
  public ReportCaseRequest(
      String category,
      String description,
      Location location,
      String urgency,
      Reporter reporter,
      String source) {
    this(category, description, location, urgency, reporter, source, null);
  }

  /** The same report, placed in that liaison unit. */
  public ReportCaseRequest inUnit(String unitCode) {
    Location place =
        new Location(location.address(), location.latitude(), location.longitude(), unitCode);
    return new ReportCaseRequest(category, description, place, urgency, reporter, source, photos);
  }

  /** The ids of uploads ({@code POST /api/uploads}) the report names, none when it names none. */
  public List<String> photoIds() {
    return photos == null ? List.of() : photos;
  }

  /** The reporter; an e-mail address, when given, is where they are told of their case's steps. */
  public record Reporter(
      @NotBlank(message = "必须填写上报人姓名") @Size(max = 64, message = "姓名不能超过 64 字") String name,
      @NotBlank(message = "必须填写联系电话")
          @Pattern(regexp = "\\+?[0-9][0-9-]{4,19}", message = "联系电话只能包含数字和连字符，5 到 20 位")
          String phone,
      @Email(message = "电子邮箱格式不正确") @Size(max = 200, message = "电子邮箱不能超过 200 字") String email) {

    public Reporter(String name, String phone) {
      this(name, phone, null);
    }
  }
}
