package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.style.AxesChartStyler;
import org.sparsecode.core.io.AtomicFiles;

/** Headless set-up, the fonts the plots share, and atomic PNG writing. */
final class Png {
  static {
    headless();
  }

  /** Captions and small labels. */
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  private Png() {}

  /**
   * The look every axes chart shares: white background, light solid grid, sans-serif axis fonts and a
   * bold title without a box.
   *
   * @param style the chart's styler
   * @param titleSize the title's point size
   */
  static void houseStyle(AxesChartStyler style, int titleSize) {
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotGridLinesColor(new Color(220, 220, 220));
    style.setPlotGridLinesStroke(new BasicStroke(1f));
    style.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    style.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, titleSize));
    style.setChartTitleBoxVisible(false);
  }

  /**
   * Sets {@code java.awt.headless=true} unless the property was set (a user who runs with a display may
   * choose otherwise). Must run before the first AWT class that asks for the graphics environment.
   */
  static void headless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Encodes an image as PNG.
   *
   * @param image the image
   * @return the PNG bytes
   */
  static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", bytes)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      // a ByteArrayOutputStream does not fail; the encoder might
      throw new UncheckedIOException("cannot encode PNG", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes an image as PNG, atomically (temporary file and rename).
   *
   * @param file the destination
   * @param image the image
   */
  static void write(Path file, BufferedImage image) {
    AtomicFiles.write(file, encode(image));
  }
}
