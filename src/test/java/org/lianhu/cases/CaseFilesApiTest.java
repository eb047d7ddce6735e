package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.lianhu.attachments.AttachmentSettings;
import org.lianhu.support.Multipart;
import org.lianhu.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Photos on reports and evidence of results, through the API: sent with a report or uploaded ahead
 * of it, shown to the reporter without their location, to staff as they came, refused when too
 * many, too large or not a photo, and kept by the handler only while they hold the case.
 */
class CaseFilesApiTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街12号";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired AttachmentSettings settings;

  private String reportJson(List<String> photos) throws Exception {
    ReportCaseRequest r = report("sanitation", "normal", HEPINGLI);
    return json.writeValueAsString(
        new ReportCaseRequest(
            r.category(), r.description(), r.location(), r.urgency(), r.reporter(), null, photos));
  }

  private ResponseEntity<JsonNode> send(HttpMethod method, String path, HttpEntity<?> body) {
    return http.exchange(path, method, body, JsonNode.class);
  }

  private ResponseEntity<byte[]> bytes(String path, String user, String trackingCode) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    if (trackingCode != null) {
      headers.set("X-Tracking-Code", trackingCode);
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private JsonNode view(CaseReceipt receipt) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", receipt.trackingCode());
    return send(HttpMethod.GET, "/api/cases/" + receipt.caseNo(), new HttpEntity<>(headers))
        .getBody();
  }

  /** A report with one photo, as one multipart request. */
  private ResponseEntity<JsonNode> reportWith(String fileName, byte[] photo) throws Exception {
    return send(
        HttpMethod.POST,
        "/api/cases",
        Multipart.form().json("report", reportJson(null)).file("photos", fileName, photo).entity());
  }

  /** 办理照片 posted by a member of staff. */
  private ResponseEntity<JsonNode> evidence(
      String path, String user, String fileName, byte[] photo) {
    return send(
        HttpMethod.POST,
        path,
        Multipart.form().file("files", fileName, photo).basicAuth(user, "demo").entity());
  }

  private CaseReceipt receipt(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode())
        .as(String.valueOf(answer.getBody()))
        .isEqualTo(HttpStatus.CREATED);
    return new CaseReceipt(
        answer.getBody().get("caseNo").asText(),
        answer.getBody().get("trackingCode").asText(),
        null,
        null,
        false);
  }

  private long cases() {
    return jdbc.queryForObject("select count(*) from case_record", Long.class);
  }

  private static Object gps(byte[] jpeg) throws Exception {
    JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(jpeg);
    return metadata == null || metadata.getExif() == null ? null : metadata.getExif().getGpsInfo();
  }

  @Test
  void aReportWithAPhotoShowsItToTheReporterWithoutItsLocationAndToStaffAsItCame()
      throws Exception {
    byte[] photo = TestPhotos.jpegWithLocation(800, 600);
    CaseReceipt receipt = receipt(reportWith("楼下垃圾.jpg", photo));

    JsonNode files = view(receipt).get("files");
    assertThat(files).hasSize(1);
    JsonNode file = files.get(0);
    assertThat(file.get("purpose").asText()).isEqualTo("REPORT");
    assertThat(file.get("purposeName").asText()).isEqualTo("上报照片");
    assertThat(file.get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(file.get("width").asInt()).isEqualTo(800);
    assertThat(file.get("preview").asBoolean()).isTrue();
    assertThat(file.has("fileName")).as("the reporter's view names no file").isFalse();
    String path = "/api/cases/" + receipt.caseNo() + "/files/" + file.get("id").asText();

    ResponseEntity<byte[]> shown = bytes(path, null, receipt.trackingCode());
    assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(shown.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(shown.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(shown.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
    assertThat(shown.getHeaders().getFirst("Content-Disposition"))
        .startsWith("inline")
        .contains("filename*=UTF-8''%E6%A5%BC%E4%B8%8B%E5%9E%83%E5%9C%BE.jpg");
    assertThat(gps(photo)).isNotNull();
    assertThat(gps(shown.getBody())).as("location data for the reporter").isNull();

    ResponseEntity<byte[]> thumb = bytes(path + "/thumbnail", null, receipt.trackingCode());
    assertThat(thumb.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
    var small = ImageIO.read(new ByteArrayInputStream(thumb.getBody()));
    // 800 × 600 turned upright by its EXIF orientation (6) and scaled to 320 on its longer side.
    assertThat(small.getWidth()).isEqualTo(240);
    assertThat(small.getHeight()).isEqualTo(320);

    assertThat(bytes(path, null, "WRONG123").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(bytes(path, null, null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // Staff of the case's grid see the original, location and all; staff of another street do not.
    String staffPath = "/api/staff/cases/" + receipt.caseNo() + "/files/" + file.get("id").asText();
    ResponseEntity<byte[]> original = bytes(staffPath, "wangli", null);
    assertThat(original.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(original.getBody()).isEqualTo(photo);
    assertThat(bytes(staffPath, "yangfan", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(bytes(staffPath, null, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aFileIdOfAnotherCaseIsNotFoundWithThisCasesCode() throws Exception {
    CaseReceipt mine = receipt(reportWith("a.png", TestPhotos.png(20, 20)));
    CaseReceipt other = receipt(reportWith("b.png", TestPhotos.png(20, 20)));
    String othersFile = view(other).get("files").get(0).get("id").asText();
    assertThat(
            bytes("/api/cases/" + mine.caseNo() + "/files/" + othersFile, null, mine.trackingCode())
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUploadAheadOfItsReportIsLinkedOnceAndOnlyOnce() throws Exception {
    ResponseEntity<JsonNode> uploaded =
        send(
            HttpMethod.POST,
            "/api/uploads",
            Multipart.form().file("file", "x.png", TestPhotos.png(32, 24)).entity());
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = uploaded.getBody().get("id").asText();
    assertThat(uploaded.getBody().get("mediaType").asText()).isEqualTo("image/png");
    assertThat(uploaded.getBody().get("expiresAt").asText()).isNotBlank();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    CaseReceipt receipt =
        receipt(
            send(
                HttpMethod.POST, "/api/cases", new HttpEntity<>(reportJson(List.of(id)), headers)));
    assertThat(view(receipt).get("files")).hasSize(1);
    assertThat(view(receipt).get("files").get(0).get("id").asText()).isEqualTo(id);

    long before = cases();
    ResponseEntity<JsonNode> again =
        send(HttpMethod.POST, "/api/cases", new HttpEntity<>(reportJson(List.of(id)), headers));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("errors").get("photos").asText()).contains("已用于其他上报");
    ResponseEntity<JsonNode> unknown =
        send(
            HttpMethod.POST,
            "/api/cases",
            new HttpEntity<>(reportJson(List.of("00000000-0000-0000-0000-000000000000")), headers));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(cases()).as("no case from a refused report").isEqualTo(before);
  }

  @Test
  void aPhotoSentAsTheBodyIsTakenByItsContentAndKeepsItsName() throws Exception {
    HttpHeaders raw = new HttpHeaders();
    raw.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    raw.set("X-File-Name", "%E6%B8%85%E8%BF%90%E5%89%8D.jpg");
    ResponseEntity<JsonNode> uploaded =
        send(HttpMethod.POST, "/api/uploads", new HttpEntity<>(TestPhotos.jpeg(48, 32), raw));
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(uploaded.getBody().get("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(uploaded.getBody().get("width").asInt()).isEqualTo(48);
    String id = uploaded.getBody().get("id").asText();
    assertThat(
            jdbc.queryForObject("select file_name from attachment where id = ?", String.class, id))
        .isEqualTo("清运前.jpg");

    raw.setContentType(MediaType.IMAGE_PNG);
    ResponseEntity<JsonNode> text =
        send(HttpMethod.POST, "/api/uploads", new HttpEntity<>("not a photo".getBytes(), raw));
    assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(text.getBody().get("errors").get("file").asText()).contains("text/plain");

    byte[] large = new byte[(int) settings.maxFileSize().toBytes() + 1];
    System.arraycopy(TestPhotos.jpeg(8, 8), 0, large, 0, 100);
    ResponseEntity<JsonNode> tooLarge =
        send(HttpMethod.POST, "/api/uploads", new HttpEntity<>(large, raw));
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().get("type").asText()).isEqualTo("/problems/file-too-large");
  }

  @Test
  void tooManyFilesAFileTooLargeAndAFileThatIsNoPhotoAreRefusedAndNothingIsReported()
      throws Exception {
    long before = cases();
    Multipart seven = Multipart.form().json("report", reportJson(null));
    for (int i = 0; i < settings.maxPerReport() + 1; i++) {
      seven.file("photos", i + ".png", TestPhotos.png(8, 8));
    }
    ResponseEntity<JsonNode> tooMany = send(HttpMethod.POST, "/api/cases", seven.entity());
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody().get("errors").get("photos").asText()).contains("最多可以上传 6 个");

    byte[] large = new byte[(int) settings.maxFileSize().toBytes() + 1];
    System.arraycopy(TestPhotos.jpeg(8, 8), 0, large, 0, 100);
    ResponseEntity<JsonNode> tooLarge = reportWith("big.jpg", large);
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().get("type").asText()).isEqualTo("/problems/file-too-large");
    assertThat(tooLarge.getBody().get("errors").get("photos").asText()).contains("10 MB");

    ResponseEntity<JsonNode> notAPhoto =
        send(
            HttpMethod.POST,
            "/api/cases",
            Multipart.form()
                .json("report", reportJson(null))
                .file("photos", "ok.png", TestPhotos.png(8, 8))
                .file("photos", "photo.jpg", "<svg onload=alert(1)>".getBytes())
                .entity());
    assertThat(notAPhoto.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(notAPhoto.getBody().get("type").asText())
        .isEqualTo("/problems/unsupported-file-type");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theHandlerAddsEvidenceWhileHoldingTheCaseAndNoOneElseMay() throws Exception {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    String path = "/api/staff/cases/" + receipt.caseNo() + "/files";

    ResponseEntity<JsonNode> notHolder = evidence(path, "wangli", "x.png", TestPhotos.png(16, 16));
    assertThat(notHolder.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> added = evidence(path, "hanxue", "清运后.jpg", TestPhotos.jpeg(64, 48));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(added.getBody().get(0).get("purpose").asText()).isEqualTo("EVIDENCE");
    assertThat(added.getBody().get(0).get("uploadedBy").asText()).isEqualTo("hanxue");
    assertThat(actions(receipt)).contains("上传办理照片");

    HttpHeaders hanxue = new HttpHeaders();
    hanxue.setBasicAuth("hanxue", "demo");
    JsonNode detail =
        send(HttpMethod.GET, "/api/staff/cases/" + receipt.caseNo(), new HttpEntity<>(hanxue))
            .getBody();
    assertThat(detail.get("evidencePhotoRequired").asBoolean()).isTrue();
    assertThat(detail.get("files").get(0).get("fileName").asText()).isEqualTo("清运后.jpg");
    assertThat(view(receipt).get("files").get(0).get("purposeName").asText()).isEqualTo("办理照片");

    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清运"));
    rate(receipt, Rating.satisfied, null);
    ResponseEntity<JsonNode> closed = evidence(path, "hanxue", "late.png", TestPhotos.png(16, 16));
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void anUploadNoReportNamesIsSweptAfterItsLifetimeWithItsFiles() throws Exception {
    ResponseEntity<JsonNode> uploaded =
        send(
            HttpMethod.POST,
            "/api/uploads",
            Multipart.form().file("file", "x.png", TestPhotos.png(16, 16)).entity());
    String id = uploaded.getBody().get("id").asText();
    String key =
        jdbc.queryForObject("select original_key from attachment where id = ?", String.class, id);
    Path file = settings.directory().resolve(key);
    assertThat(Files.exists(file)).isTrue();

    attachments.sweep();
    assertThat(
            jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class, id))
        .as("still within its lifetime")
        .isOne();

    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
    attachments.sweep();
    assertThat(
            jdbc.queryForObject("select count(*) from attachment where id = ?", Integer.class, id))
        .isZero();
    assertThat(Files.exists(file)).isFalse();
  }
}
