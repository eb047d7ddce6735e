package org.lianhu.attachments;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The copy of a photo that people other than staff see: without the metadata that can say where it
 * was taken (EXIF, with its GPS block, XMP and IPTC in a JPEG; eXIf and text chunks in a PNG; EXIF
 * and XMP chunks in a WebP). The pixels are not touched; a JPEG keeps only its orientation, so that
 * a phone's upright photo stays upright.
 */
final class LocationData {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
  private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
  private static final int VP8X_EXIF = 0x08;
  private static final int VP8X_XMP = 0x04;

  private LocationData() {}

  /** Writes the copy without location data next to {@code original} and returns its path. */
  static Path strip(FileType type, Path original, Path spool) throws IOException {
    Path copy = Files.createTempFile(spool, "pub-", ".part");
    try {
      switch (type) {
        case JPEG -> stripJpeg(original, copy, spool);
        case PNG -> stripPng(original, copy);
        case WEBP -> stripWebp(original, copy);
        default -> throw new IllegalArgumentException("no public copy of " + type);
      }
      return copy;
    } catch (IOException | RuntimeException failed) {
      Files.deleteIfExists(copy);
      throw failed;
    }
  }

  /** The EXIF orientation (1-8) of a JPEG, 1 when it has none. */
  static int orientation(Path jpeg) {
    try {
      ImageMetadata metadata = Imaging.getMetadata(jpeg.toFile());
      if (metadata instanceof JpegImageMetadata jpegMetadata && jpegMetadata.getExif() != null) {
        TiffField field =
            jpegMetadata.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
        if (field != null) {
          int value = field.getIntValue();
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // A broken EXIF block says nothing about orientation: the pixels as stored.
    }
    return 1;
  }

  private static void stripJpeg(Path original, Path copy, Path spool) throws IOException {
    int orientation = orientation(original);
    Path noExif = Files.createTempFile(spool, "exif-", ".part");
    Path noXmp = Files.createTempFile(spool, "xmp-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(noExif)) {
        new ExifRewriter().removeExifMetadata(original.toFile(), out);
      }
      try (OutputStream out = Files.newOutputStream(noXmp)) {
        new JpegXmpRewriter().removeXmpXml(noExif.toFile(), out);
      }
      Path last = noXmp;
      if (orientation != 1) {
        try (OutputStream out = Files.newOutputStream(noExif)) {
          TiffOutputSet kept = new TiffOutputSet();
          kept.getOrCreateRootDirectory()
              .add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
          new ExifRewriter().updateExifMetadataLossless(noXmp.toFile(), out, kept);
        }
        last = noExif;
      }
      try (OutputStream out = Files.newOutputStream(copy)) {
        new JpegIptcRewriter().removeIptc(last.toFile(), out);
      }
    } catch (ImagingException broken) {
      throw new UnreadableImage(broken);
    } finally {
      Files.deleteIfExists(noExif);
      Files.deleteIfExists(noXmp);
    }
  }

  /** Copies every chunk but the metadata ones; the image chunks are streamed, never held whole. */
  private static void stripPng(Path original, Path copy) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(original));
        OutputStream out = Files.newOutputStream(copy)) {
      byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
      if (!java.util.Arrays.equals(signature, PNG_SIGNATURE)) {
        throw new UnreadableImage(new IOException("not a PNG signature"));
      }
      out.write(signature);
      while (true) {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          return;
        }
        byte[] type = in.readNBytes(4);
        if (length < 0 || type.length < 4) {
          throw new UnreadableImage(new IOException("broken PNG chunk"));
        }
        String name = new String(type, StandardCharsets.ISO_8859_1);
        if (PNG_METADATA.contains(name)) {
          skip(in, length + 4L);
          continue;
        }
        ByteBuffer header = ByteBuffer.allocate(8).putInt(length).put(type);
        out.write(header.array());
        copy(in, out, length + 4L);
        if ("IEND".equals(name)) {
          return;
        }
      }
    }
  }

  /** RIFF chunks of a WebP without EXIF and XMP; the VP8X flags and the RIFF size follow. */
  private static void stripWebp(Path original, Path copy) throws IOException {
    byte[] file = Files.readAllBytes(original);
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    if (file.length < 12 || !"RIFF".equals(ascii(file, 0)) || !"WEBP".equals(ascii(file, 8))) {
      throw new UnreadableImage(new IOException("not a WebP RIFF header"));
    }
    ByteBuffer out = ByteBuffer.allocate(file.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(file, 0, 12);
    int at = 12;
    while (at + 8 <= file.length) {
      String name = ascii(file, at);
      long size = Integer.toUnsignedLong(in.getInt(at + 4));
      long padded = size + (size & 1);
      if (at + 8 + size > file.length) {
        throw new UnreadableImage(new IOException("broken WebP chunk " + name));
      }
      int length = (int) Math.min(8 + padded, file.length - at);
      if (!WEBP_METADATA.contains(name)) {
        int start = out.position();
        out.put(file, at, length);
        if ("VP8X".equals(name) && size >= 1) {
          out.put(start + 8, (byte) (file[at + 8] & ~(VP8X_EXIF | VP8X_XMP)));
        }
      }
      at += length;
    }
    out.putInt(4, out.position() - 8);
    try (OutputStream target = Files.newOutputStream(copy)) {
      target.write(out.array(), 0, out.position());
    }
  }

  private static String ascii(byte[] bytes, int at) {
    return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }

  private static void copy(InputStream in, OutputStream out, long n) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = n;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new UnreadableImage(new EOFException("PNG ends inside a chunk"));
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  /** A file that says it is an image of its type but cannot be read as one. */
  static final class UnreadableImage extends IOException {
    UnreadableImage(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
