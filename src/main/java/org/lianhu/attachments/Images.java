package org.lianhu.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reading photos without trusting them: the size from the header alone (so that a small file that
 * would decode to a hundred megapixels is refused before any pixel is decoded), and thumbnails
 * decoded with subsampling, so that memory follows the thumbnail, not the photo.
 */
final class Images {

  static {
    ImageIO.setUseCache(false);
    // The WebP reader is a plugin on the class path; a packaged server's class loader may come
    // later.
    ImageIO.scanForPlugins();
  }

  record Size(int width, int height) {
    long pixels() {
      return (long) width * height;
    }
  }

  private Images() {}

  /** The image's size as its header states it. */
  static Size size(FileType type, Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = reader(type, in);
      try {
        return new Size(reader.getWidth(0), reader.getHeight(0));
      } catch (IOException | RuntimeException broken) {
        throw new LocationData.UnreadableImage(broken);
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * A JPEG of at most {@code longest} pixels on its longer side, upright by the EXIF orientation,
   * with transparency on white.
   */
  static byte[] thumbnail(FileType type, InputStream photo, int orientation, int longest)
      throws IOException {
    BufferedImage decoded;
    try (ImageInputStream in = ImageIO.createImageInputStream(photo)) {
      ImageReader reader = reader(type, in);
      try {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (longest * 2));
        param.setSourceSubsampling(step, step, 0, 0);
        decoded = reader.read(0, param);
      } catch (IOException | RuntimeException broken) {
        throw new LocationData.UnreadableImage(broken);
      } finally {
        reader.dispose();
      }
    }
    double scale =
        Math.min(1.0, (double) longest / Math.max(decoded.getWidth(), decoded.getHeight()));
    int w = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
    boolean turned = orientation >= 5;
    BufferedImage thumb =
        new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = thumb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, thumb.getWidth(), thumb.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.transform(upright(orientation, w, h));
      g.drawImage(decoded, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return jpeg(thumb);
  }

  /** The transform that shows an image stored with this EXIF orientation the right way up. */
  static AffineTransform upright(int orientation, int w, int h) {
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, h, w);
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
      default -> {}
    }
    return t;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageReader reader(FileType type, ImageInputStream in) throws IOException {
    if (in == null) {
      throw new IOException("no image stream");
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no image reader for " + type.mediaType());
    }
    ImageReader reader = readers.next();
    reader.setInput(in, true, true);
    return reader;
  }
}
