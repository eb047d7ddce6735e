package org.lianhu.attachments;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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

/**
 * The copy of a photo that people other than staff see: without the metadata that can say where it
 * was taken (EXIF, with its GPS block, XMP and IPTC in a JPEG; eXIf and text chunks in a PNG; EXIF
 * and XMP chunks in a WebP). The pixels are not touched; a JPEG keeps only its orientation, so that
 * a phone's upright photo stays upright. JPEG and PNG are filtered in one streaming pass (Commons
 * Imaging's rewriters held a 3 MB photo in memory several times over: about 50 MB of garbage per
 * upload, docs/performance.md); a WebP, at most the file limit, is read whole.
 */
final class LocationData {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
  private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
  private static final int VP8X_EXIF = 0x08;
  private static final int VP8X_XMP = 0x04;

  private LocationData() {}

  /**
   * Writes the photo without its location data: while it is served to someone who is not staff, and
   * into nothing when it is received (which proves that it can be).
   */
  static void clean(FileType type, InputStream photo, OutputStream target) throws IOException {
    OutputStream out = new BufferedOutputStream(target, 64 * 1024);
    switch (type) {
      case JPEG -> stripJpeg(new DataInputStream(new BufferedInputStream(photo, 64 * 1024)), out);
      case PNG -> stripPng(new DataInputStream(new BufferedInputStream(photo, 64 * 1024)), out);
      case WEBP -> stripWebp(photo.readAllBytes(), out);
      default -> throw new IllegalArgumentException("no copy without location data of " + type);
    }
    out.flush();
  }

  /** The EXIF orientation (1-8) of a JPEG, 1 when it has none or its EXIF cannot be read. */
  static int orientation(Path jpeg) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
      if (in.readUnsignedShort() != 0xFFD8) {
        throw new UnreadableImage(new IOException("not a JPEG start of image"));
      }
      while (true) {
        int marker = nextMarker(in);
        if (marker == SOS || marker == EOI) {
          return 1;
        }
        if (standalone(marker)) {
          continue;
        }
        int length = segmentLength(in);
        if (marker == APP1) {
          byte[] payload = in.readNBytes(length);
          if (isExif(payload)) {
            return ExifOrientation.of(payload, EXIF_HEADER.length);
          }
        } else {
          in.skipNBytes(length);
        }
      }
    } catch (EOFException truncated) {
      throw new UnreadableImage(truncated);
    }
  }

  /**
   * One streaming pass over the JPEG's segments: APP1 (EXIF with its GPS block, XMP), APP13 (IPTC)
   * and comments are left out, the EXIF replaced by one that holds only the orientation, everything
   * else (JFIF, ICC profile, tables, the image data) copied as it is.
   */
  private static void stripJpeg(DataInputStream in, OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(target);
    try {
      if (in.readUnsignedShort() != 0xFFD8) {
        throw new UnreadableImage(new IOException("not a JPEG start of image"));
      }
      out.writeShort(0xFFD8);
      while (true) {
        int marker = nextMarker(in);
        if (marker == EOI) {
          out.writeShort(0xFF00 | EOI);
          return;
        }
        if (standalone(marker)) {
          out.writeShort(0xFF00 | marker);
          continue;
        }
        if (marker == SOS) {
          out.writeShort(0xFF00 | SOS);
          in.transferTo(out); // the scans and what follows them, as they are
          return;
        }
        int length = segmentLength(in);
        if (marker == APP1) {
          byte[] payload = in.readNBytes(length);
          if (payload.length < length) {
            throw new EOFException("JPEG ends inside a segment");
          }
          int orientation = isExif(payload) ? ExifOrientation.of(payload, EXIF_HEADER.length) : 1;
          if (orientation != 1) {
            out.write(ExifOrientation.segment(orientation));
          }
        } else if (marker == APP13 || marker == COM) {
          in.skipNBytes(length);
        } else {
          out.writeShort(0xFF00 | marker);
          out.writeShort(length + 2);
          copy(in, out, length);
        }
      }
    } catch (EOFException truncated) {
      throw new UnreadableImage(truncated);
    }
  }

  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP1 = 0xE1;
  private static final int APP13 = 0xED;
  private static final int COM = 0xFE;
  private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

  /** The next marker's code, after its 0xFF (and any fill bytes). */
  private static int nextMarker(DataInputStream in) throws IOException {
    if (in.readUnsignedByte() != 0xFF) {
      throw new UnreadableImage(new IOException("JPEG segment without a marker"));
    }
    int marker;
    do {
      marker = in.readUnsignedByte();
    } while (marker == 0xFF);
    return marker;
  }

  private static boolean standalone(int marker) {
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
  }

  /** The segment's length without its own two bytes. */
  private static int segmentLength(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    if (length < 2) {
      throw new UnreadableImage(new IOException("JPEG segment length " + length));
    }
    return length - 2;
  }

  private static boolean isExif(byte[] payload) {
    return payload.length > EXIF_HEADER.length
        && java.util.Arrays.equals(
            payload, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length);
  }

  /** Copies every chunk but the metadata ones; the image chunks are streamed, never held whole. */
  private static void stripPng(DataInputStream in, OutputStream out) throws IOException {
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

  /** RIFF chunks of a WebP without EXIF and XMP; the VP8X flags and the RIFF size follow. */
  private static void stripWebp(byte[] file, OutputStream target) throws IOException {
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
    target.write(out.array(), 0, out.position());
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
