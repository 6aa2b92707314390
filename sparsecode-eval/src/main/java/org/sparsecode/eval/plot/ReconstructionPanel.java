package org.sparsecode.eval.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.sparsecode.api.image.Image;

/**
 * One coded image at a glance: the image, its reconstruction {@code Σ d_k * x_k} and the residual
 * (image − reconstruction) side by side, each with a caption below (the image's id, the PSNR, the
 * residual's range).
 *
 * <p>Grey scales: the image and the reconstruction share one scale, the image's {@link #CLIP} and
 * {@code 1 − CLIP} quantiles to black and white (values outside clamped), so that a loss of contrast shows
 * and a few extreme pixels (common after local contrast normalisation) do not grey out the rest; the
 * residual has its own scale symmetric around 0 (mid-grey), ± the {@code 1 − CLIP} quantile of |residual|
 * to black/white, written in its caption. Small images are upscaled by an integer factor (pixel
 * replication) to be at least {@link #MIN_SIDE} pixels on their longer side.
 */
public final class ReconstructionPanel {
  static {
    Png.headless();
  }

  /** Panels are upscaled until their longer side is at least this many pixels. */
  public static final int MIN_SIDE = 256;
  /** White margin around and between the panels, pixels. */
  public static final int GAP = 4;
  /** Height of the caption strip under the panels, pixels. */
  public static final int CAPTION = 24;
  /** Fraction of pixels clamped at each end of the grey scales. */
  public static final double CLIP = 0.005;

  private ReconstructionPanel() {}

  /**
   * The upscaling factor for an image of this size.
   *
   * @param width image width
   * @param height image height
   * @return {@code max(1, ceil(MIN_SIDE / max(width, height)))}
   */
  public static int scale(int width, int height) {
    int side = Math.max(width, height);
    return Math.max(1, (MIN_SIDE + side - 1) / side);
  }

  /**
   * Draws the panel.
   *
   * @param image the coded image (grey)
   * @param reconstruction the reconstruction, {@code width·height} values in the image's layout
   * @param psnr the reconstruction's PSNR, dB (shown in the caption)
   * @return an RGB image of {@code 3·w·s + 4·GAP} × {@code h·s + 2·GAP + CAPTION} pixels, {@code s} the
   *     {@link #scale(int, int)}
   * @throws IllegalArgumentException when the image is not grey or the lengths differ
   */
  public static BufferedImage render(Image image, double[] reconstruction, double psnr) {
    if (!image.isGrey()) {
      throw new IllegalArgumentException("image '" + image.id() + "' has " + image.channels() + " channels");
    }
    double[] s = image.pixels();
    if (reconstruction.length != s.length) {
      throw new IllegalArgumentException("reconstruction has " + reconstruction.length + " values for a "
          + image.width() + "x" + image.height() + " image");
    }
    double[] residual = new double[s.length];
    double[] absResidual = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      residual[i] = s[i] - reconstruction[i];
      absResidual[i] = Math.abs(residual[i]);
    }
    double lo = quantile(s, CLIP);
    double hi = quantile(s, 1 - CLIP);
    double maxAbs = quantile(absResidual, 1 - CLIP);
    int w = image.width();
    int h = image.height();
    int scale = scale(w, h);
    int pw = w * scale;
    int ph = h * scale;
    BufferedImage out = new BufferedImage(3 * pw + 4 * GAP, ph + 2 * GAP + CAPTION, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      double mid = 0.5 * (lo + hi);
      double half = hi > lo ? 0.5 * (hi - lo) : 1;
      paint(out, GAP, GAP, s, w, h, scale, mid, half);
      paint(out, 2 * GAP + pw, GAP, reconstruction, w, h, scale, mid, half);
      paint(out, 3 * GAP + 2 * pw, GAP, residual, w, h, scale, 0, maxAbs > 0 ? maxAbs : 1);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(Png.LABEL);
      g.setColor(Color.BLACK);
      String psnrText = Double.isFinite(psnr) ? String.format(Locale.ROOT, "%.2f dB", psnr)
          : (psnr > 0 ? "∞ dB" : "n/a");
      caption(g, "image: " + image.id(), GAP, pw, ph + GAP);
      caption(g, "reconstruction, PSNR " + psnrText, 2 * GAP + pw, pw, ph + GAP);
      String range = String.format(Locale.ROOT, "residual (black −%.3g, white +%.3g)", maxAbs, maxAbs);
      caption(g, range, 3 * GAP + 2 * pw, pw, ph + GAP);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The q-quantile of the values (the sorted value at index floor(q·(n − 1))); non-finite values sort last. */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(int) Math.floor(q * (sorted.length - 1))];
  }

  /** Paints values mapped by (v − mid)/half to grey (−1 black, +1 white), upscaled, at (x0, y0). */
  private static void paint(BufferedImage out, int x0, int y0, double[] v, int w, int h, int scale, double mid,
      double half) {
    int[] line = new int[w * scale];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int rgb = DictionaryTiles.grey((v[r * w + c] - mid) / half);
        for (int k = 0; k < scale; k++) {
          line[c * scale + k] = rgb;
        }
      }
      for (int k = 0; k < scale; k++) {
        out.setRGB(x0, y0 + r * scale + k, line.length, 1, line, 0, line.length);
      }
    }
  }

  /** Centres a caption under a panel, shrinking the font when the text is wider than the panel. */
  private static void caption(Graphics2D g, String text, int x0, int width, int top) {
    java.awt.Font font = Png.LABEL;
    FontMetrics fm = g.getFontMetrics(font);
    while (fm.stringWidth(text) > width && font.getSize2D() > 8) {
      font = font.deriveFont(font.getSize2D() - 1);
      fm = g.getFontMetrics(font);
    }
    g.setFont(font);
    int x = x0 + Math.max(0, (width - fm.stringWidth(text)) / 2);
    int y = top + (CAPTION + fm.getAscent() - fm.getDescent()) / 2;
    g.drawString(text, x, y);
  }

  /**
   * Writes the panel as a PNG, atomically.
   *
   * @param file the destination
   * @param image the coded image (grey)
   * @param reconstruction the reconstruction
   * @param psnr its PSNR, dB
   */
  public static void write(Path file, Image image, double[] reconstruction, double psnr) {
    Png.write(file, render(image, reconstruction, psnr));
  }
}
