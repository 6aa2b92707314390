package org.sparsecode.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Small encoded images for the tests of damaged and degenerate files. */
final class TestImages {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private TestImages() {}

  /**
   * An 8-bit grey image of the given values.
   *
   * @param w columns
   * @param h rows
   * @param values {@code w * h} values 0–255, row-major
   * @return the image
   */
  static BufferedImage grey(int w, int h, int... values) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < w * h; i++) {
      img.getRaster().setSample(i % w, i / w, 0, values[i % values.length]);
    }
    return img;
  }

  /**
   * An image encoded by ImageIO.
   *
   * @param img the image
   * @param format {@code png}, {@code jpeg}, ...
   * @return the file's bytes
   */
  static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A valid 8-bit grey PNG whose header announces {@code width × height} but whose data holds one row of
   * one pixel: what a damaged or malicious header looks like.
   *
   * @param width the width announced
   * @param height the height announced
   * @return the file's bytes, every CRC right
   */
  static byte[] pngClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PNG_SIGNATURE);
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[] {0, 0});
    deflater.finish();
    byte[] buf = new byte[64];
    int n = deflater.deflate(buf);
    deflater.end();
    byte[] idat = new byte[n];
    System.arraycopy(buf, 0, idat, 0, n);
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
