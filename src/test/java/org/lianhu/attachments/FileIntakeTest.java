package org.lianhu.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.TestPhotos;
import org.springframework.util.unit.DataSize;

/**
 * A file's type comes from its content, never its name; what is not a photo or a document of the
 * types taken, too large in bytes or in pixels, or broken is refused and leaves nothing behind; the
 * public copy of a photo has no location data and keeps its pixels and orientation.
 */
class FileIntakeTest {

  /** A 1×1 lossy WebP (VP8). */
  static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=");

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  /** The start of an iPhone's HEIC: an ISO BMFF ftyp box of brand heic. */
  static final byte[] HEIC = heic();

  @TempDir Path root;
  private FileIntake intake;
  private LocalFileStore store;

  @BeforeEach
  void setUp() {
    AttachmentSettings settings =
        new AttachmentSettings(
            root, 6, DataSize.ofMegabytes(1), 50_000_000, 320, Duration.ofHours(24));
    store = new LocalFileStore(settings);
    intake = new FileIntake(store, settings);
  }

  private ReceivedFile receive(String name, byte[] bytes) {
    return intake.receive("photos", name, new ByteArrayInputStream(bytes), Attachments.ANY);
  }

  private Refusal refused(String name, byte[] bytes) {
    Refusal refusal = catchThrowableOfType(Refusal.class, () -> receive(name, bytes));
    assertThat(refusal).as("refusal of " + name).isNotNull();
    assertThat(refusal.field()).isEqualTo("photos");
    assertThat(spoolFiles()).as("nothing left in the spool").isZero();
    return refusal;
  }

  private long spoolFiles() {
    try (var files = Files.list(store.spool())) {
      return files.count();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void typesComeFromTheContentWhateverTheName() {
    assertThat(receive("photo.png", TestPhotos.jpeg(40, 30)).type()).isEqualTo(FileType.JPEG);
    assertThat(receive("photo.jpg", TestPhotos.png(40, 30)).type()).isEqualTo(FileType.PNG);
    assertThat(receive("photo.jpg", WEBP).type()).isEqualTo(FileType.WEBP);
    assertThat(receive("IMG_0001.HEIC", HEIC).type()).isEqualTo(FileType.HEIC);
    assertThat(receive("notice.jpg", PDF).type()).isEqualTo(FileType.PDF);

    ReceivedFile jpeg = receive("photo.png", TestPhotos.jpeg(40, 30));
    assertThat(jpeg.width()).isEqualTo(40);
    assertThat(jpeg.height()).isEqualTo(30);
    assertThat(jpeg.sha256()).hasSize(64);
    assertThat(jpeg.size()).isEqualTo(TestPhotos.jpeg(40, 30).length);
  }

  @Test
  void aHeicIsKeptForStaffOnlyAndADocumentIsShownAsItCame() {
    ReceivedFile heic = receive("IMG_0001.HEIC", HEIC);
    assertThat(heic.type().shownToPublic()).isFalse();
    assertThat(heic.type().previewable()).isFalse();
    ReceivedFile pdf = receive("notice.pdf", PDF);
    assertThat(pdf.type().shownToPublic()).isTrue();
  }

  @Test
  void aFileThatClaimsToBeAJpegButIsNotIsRefused() {
    Refusal text = refused("photo.jpg", "<html><script>alert(1)</script></html>".getBytes());
    assertThat(text.kind()).isEqualTo(Refusal.Kind.UNSUPPORTED_TYPE);
    assertThat(text.getMessage()).contains("text/html");

    byte[] fakeJpeg = new byte[2048];
    fakeJpeg[0] = (byte) 0xFF;
    fakeJpeg[1] = (byte) 0xD8;
    fakeJpeg[2] = (byte) 0xFF;
    fakeJpeg[3] = (byte) 0xE0;
    Refusal broken = refused("photo.jpg", fakeJpeg);
    assertThat(broken.kind()).isEqualTo(Refusal.Kind.UNSUPPORTED_TYPE);
    assertThat(broken.getMessage()).contains("已损坏");

    Refusal zip = refused("photo.jpg", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
    assertThat(zip.kind()).isEqualTo(Refusal.Kind.UNSUPPORTED_TYPE);
  }

  @Test
  void anEmptyFileAndAFileOverTheLimitAreRefused() {
    assertThat(refused("photo.jpg", new byte[0]).kind()).isEqualTo(Refusal.Kind.INVALID);
    byte[] big = new byte[1024 * 1024 + 1];
    System.arraycopy(TestPhotos.jpeg(20, 20), 0, big, 0, 100);
    Refusal tooLarge = refused("photo.jpg", big);
    assertThat(tooLarge.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
    assertThat(tooLarge.getMessage()).contains("1 MB");
  }

  @Test
  void aHundredMegapixelDecompressionBombIsRefusedBeforeItIsDecoded() throws IOException {
    byte[] bomb = pngBomb(10_000, 10_000);
    assertThat(bomb.length).as("a small file").isLessThan(1024 * 1024);
    Refusal refusal = refused("bomb.png", bomb);
    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
    assertThat(refusal.getMessage()).contains("10000×10000").contains("5000 万像素");
  }

  @Test
  void thePublicCopyOfAJpegHasNoLocationButKeepsItsOrientationAndPixels() throws Exception {
    byte[] photo = TestPhotos.jpegWithLocation(80, 60);
    assertThat(gpsOf(photo)).as("the test photo has a location").isNotNull();

    ReceivedFile received = receive("photo.jpg", photo);
    byte[] original = Files.readAllBytes(received.original());
    byte[] copy = cleaned(received);
    assertThat(original).isEqualTo(photo);
    assertThat(gpsOf(copy)).isNull();
    assertThat(new String(copy, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
    assertThat(received.orientation()).isEqualTo(6);
    JpegImageMetadata kept = (JpegImageMetadata) Imaging.getMetadata(copy);
    assertThat(
            kept.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue())
        .isEqualTo(6);
    BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(copy));
    assertThat(pixels.getWidth()).isEqualTo(80);
    assertThat(pixels.getHeight()).isEqualTo(60);
  }

  @Test
  void thePublicCopyOfAJpegHasNoXmpIptcOrComment() throws Exception {
    byte[] photo = TestPhotos.jpegWithLocation(40, 30);
    photo =
        withSegment(
            photo, 0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta exif:GPSLatitude=\"39.9\"/>");
    photo = withSegment(photo, 0xED, "Photoshop 3.0\08BIM location 天安门");
    photo = withSegment(photo, 0xFE, "taken at 天安门");
    ReceivedFile received = receive("photo.jpg", photo);
    String copy = new String(cleaned(received), StandardCharsets.UTF_8);
    assertThat(copy).doesNotContain("xmpmeta").doesNotContain("8BIM").doesNotContain("天安门");
    assertThat(received.orientation()).isEqualTo(6);
    assertThat(ImageIO.read(new ByteArrayInputStream(cleaned(received))).getWidth()).isEqualTo(40);
  }

  /** The JPEG with one more segment right after its start of image. */
  private static byte[] withSegment(byte[] jpeg, int marker, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + data.length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) marker).putShort((short) (data.length + 2));
    out.put(data).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  @Test
  void thePublicCopyOfAPngHasNoMetadataChunks() throws Exception {
    byte[] png = withChunk(TestPhotos.png(30, 20), "eXIf", "GPSLatitude 39.9087".getBytes());
    png = withChunk(png, "tEXt", "Location\0天安门".getBytes(StandardCharsets.UTF_8));
    ReceivedFile received = receive("photo.png", png);
    String copy = new String(cleaned(received), StandardCharsets.ISO_8859_1);
    assertThat(copy).doesNotContain("eXIf").doesNotContain("tEXt").doesNotContain("GPS");
    BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(cleaned(received)));
    assertThat(pixels.getWidth()).isEqualTo(30);
  }

  @Test
  void thePublicCopyOfAWebpHasNoExifChunk() throws Exception {
    byte[] webp = webpWithExif("GPSLatitude 39.9087".getBytes(StandardCharsets.US_ASCII));
    assertThat(ImageIO.read(new ByteArrayInputStream(webp))).isNotNull();
    ReceivedFile received = receive("photo.webp", webp);
    byte[] copy = cleaned(received);
    String text = new String(copy, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("EXIF").doesNotContain("GPS");
    assertThat(copy[20] & 0x08).as("the VP8X EXIF flag").isZero();
    assertThat(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).getInt(4))
        .isEqualTo(copy.length - 8);
    assertThat(ImageIO.read(new ByteArrayInputStream(copy)).getWidth()).isEqualTo(1);
  }

  @Test
  void namesArePathFreeAndKeysCannotLeaveTheStore() {
    assertThat(FileNames.safe("../../etc/passwd.jpg", FileType.JPEG)).isEqualTo("passwd.jpg");
    assertThat(FileNames.safe("..\\..\\windows\\win.ini", FileType.JPEG)).isEqualTo("win.ini");
    assertThat(FileNames.safe("a\u0000b<>.jpg", FileType.JPEG)).isEqualTo("a_b__.jpg");
    assertThat(FileNames.safe("...", FileType.PNG)).isEqualTo("file.png");
    assertThat(FileNames.safe("/", FileType.PDF)).isEqualTo("file.pdf");
    assertThat(FileNames.safe("x".repeat(300) + ".jpg", FileType.JPEG))
        .hasSize(100)
        .endsWith(".jpg");

    ReceivedFile received = receive("../../../../tmp/evil.jpg", TestPhotos.jpeg(10, 10));
    assertThat(received.name()).isEqualTo("evil.jpg");
    assertThat(received.original().toAbsolutePath().normalize())
        .startsWithRaw(root.toAbsolutePath());
    assertThatThrownBy(() -> store.resolve("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.resolve("2026/12/../../../../etc/passwd.orig"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.resolve("2026/12/" + received.id() + ".orig"))
        .startsWithRaw(root.toAbsolutePath());
  }

  /** What the public sees of a received photo: it, cleaned while it is written. */
  private static byte[] cleaned(ReceivedFile received) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = Files.newInputStream(received.original())) {
      LocationData.clean(received.type(), in, out);
    }
    return out.toByteArray();
  }

  private static Object gpsOf(byte[] jpeg) throws IOException {
    JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(jpeg);
    return metadata == null || metadata.getExif() == null ? null : metadata.getExif().getGpsInfo();
  }

  /** A PNG whose header promises width × height grey pixels, in a small file of zeros. */
  static byte[] pngBomb(int width, int height) throws IOException {
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (OutputStream zipped = new DeflaterOutputStream(idat)) {
      byte[] row = new byte[width + 1];
      for (int y = 0; y < height; y++) {
        zipped.write(row);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  /** The PNG with one more chunk right after IHDR. */
  static byte[] withChunk(byte[] png, String type, byte[] data) throws IOException {
    int afterIhdr = 8 + 8 + 13 + 4;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterIhdr);
    chunk(out, type, data);
    out.write(png, afterIhdr, png.length - afterIhdr);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The 1×1 WebP in the extended format (VP8X) with an EXIF chunk after the image. */
  static byte[] webpWithExif(byte[] exif) {
    byte[] image = java.util.Arrays.copyOfRange(WEBP, 12, WEBP.length);
    int exifPadded = exif.length + (exif.length & 1);
    ByteBuffer out =
        ByteBuffer.allocate(12 + 18 + image.length + 8 + exifPadded).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII));
    out.putInt(out.capacity() - 8);
    out.put("WEBP".getBytes(StandardCharsets.US_ASCII));
    out.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
    out.put((byte) 0x08).put(new byte[3]).put(new byte[3]).put(new byte[3]);
    out.put(image);
    out.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(exif.length).put(exif);
    if ((exif.length & 1) == 1) {
      out.put((byte) 0);
    }
    return out.array();
  }

  private static byte[] heic() {
    ByteBuffer box = ByteBuffer.allocate(64);
    box.putInt(24).put("ftypheic".getBytes(StandardCharsets.US_ASCII)).putInt(0);
    box.put("mif1heic".getBytes(StandardCharsets.US_ASCII));
    box.putInt(40).put("meta".getBytes(StandardCharsets.US_ASCII));
    return box.array();
  }
}
