package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
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
   * A chart of lines in the house style: the tab10 colours, the legend outside on the right without a border.
   *
   * @param width pixels
   * @param height pixels
   * @param title the chart's title
   * @param xTitle the x axis's title
   * @param yTitle the y axis's title
   * @param legendSize the legend's point size
   * @return the chart, without series
   */
  static XYChart lines(int width, int height, String title, String xTitle, String yTitle, int legendSize) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    var style = chart.getStyler();
    style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    style.setLegendPosition(Styler.LegendPosition.OutsideE);
    style.setSeriesColors(ScatterPlot.PALETTE);
    houseStyle(style, 16);
    style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, legendSize));
    style.setLegendBorderColor(Color.WHITE);
    return chart;
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
   * Two charts side by side on a white, antialiased canvas: the left one {@code width / 2} pixels wide, the right
   * one the rest.
   *
   * @param left the left chart
   * @param right the right chart
   * @param width pixels of the whole image
   * @param height pixels
   * @return the image
   */
  static BufferedImage sideBySide(Chart<?, ?> left, Chart<?, ?> right, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int half = width / 2;
      left.paint(g, half, height);
      Graphics2D r = (Graphics2D) g.create(half, 0, width - half, height);
      try {
        right.paint(r, width - half, height);
      } finally {
        r.dispose();
      }
    } finally {
      g.dispose();
    }
    return image;
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
