package org.lianhu.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos made in the test: real JPEGs and PNGs, with or without a location in their EXIF. */
public final class TestPhotos {

  /** 天安门 (the tests' location data: a photo's GPS block says this). */
  public static final double LATITUDE = 39.9087;

  public static final double LONGITUDE = 116.3975;

  private TestPhotos() {}

  public static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 120, 200));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width / 2, height / 3);
    g.dispose();
    return image;
  }

  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height), "jpeg");
  }

  public static byte[] png(int width, int height) {
    return encode(picture(width, height), "png");
  }

  /** A JPEG whose EXIF says where it was taken and that it is to be turned (orientation 6). */
  public static byte[] jpegWithLocation(int width, int height) {
    try {
      TiffOutputSet exif = new TiffOutputSet();
      exif.setGpsInDegrees(LONGITUDE, LATITUDE);
      exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
