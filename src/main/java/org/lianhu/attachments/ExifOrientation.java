package org.lianhu.attachments;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one EXIF field a photo keeps for the public: its orientation (TIFF tag 0x0112 of IFD0), read
 * from an EXIF block, and written as an EXIF block of its own (a TIFF header and a one-entry IFD).
 */
final class ExifOrientation {

  private static final int ORIENTATION = 0x0112;
  private static final int SHORT = 3;

  private ExifOrientation() {}

  /** The orientation in the TIFF data starting at {@code at}; 1 when it has none or is broken. */
  static int of(byte[] exif, int at) {
    try {
      ByteBuffer tiff = ByteBuffer.wrap(exif, at, exif.length - at).slice();
      if (tiff.remaining() < 8) {
        return 1;
      }
      if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
        tiff.order(ByteOrder.LITTLE_ENDIAN);
      } else if (!(tiff.get(0) == 'M' && tiff.get(1) == 'M')) {
        return 1;
      }
      if (Short.toUnsignedInt(tiff.getShort(2)) != 42) {
        return 1;
      }
      int ifd = tiff.getInt(4);
      if (ifd < 8 || ifd + 2 > tiff.limit()) {
        return 1;
      }
      int entries = Short.toUnsignedInt(tiff.getShort(ifd));
      for (int i = 0; i < entries; i++) {
        int entry = ifd + 2 + 12 * i;
        if (entry + 12 > tiff.limit()) {
          return 1;
        }
        if (Short.toUnsignedInt(tiff.getShort(entry)) == ORIENTATION
            && Short.toUnsignedInt(tiff.getShort(entry + 2)) == SHORT) {
          int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    } catch (IndexOutOfBoundsException broken) {
      return 1;
    }
  }

  /** A JPEG APP1 segment whose EXIF holds only this orientation. */
  static byte[] segment(int orientation) {
    ByteBuffer out = ByteBuffer.allocate(36); // marker 2 + length 2 + "Exif\0\0" 6 + TIFF 26
    out.putShort((short) 0xFFE1).putShort((short) 34);
    out.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
    out.putShort((short) 1);
    out.putShort((short) ORIENTATION).putShort((short) SHORT).putInt(1);
    out.putShort((short) orientation).putShort((short) 0);
    out.putInt(0);
    return out.array();
  }
}
