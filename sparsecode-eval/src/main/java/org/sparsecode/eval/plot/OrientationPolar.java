package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.sparsecode.eval.coefficients.VonMisesFit;

/**
 * Activity over orientation drawn as polar plots, one panel per orientation bandwidth B_θ (the paper's
 * {@code histo_ori} figures): the share of activity at each kernel orientation θ is the radius of a point at
 * angle θ, and the fitted two-peak von Mises curve is drawn over the points. Orientations are defined modulo
 * 180°, so each point is drawn twice, at θ and θ + 180°, and the fitted curve (period 180°) closes the full
 * circle; 0° points right and angles grow anticlockwise, as in the kernels' definition. The radial axis is
 * scaled to the points (a fitted curve that overshoots between orientations is clipped at the outer circle).
 * Drawn with Java2D (XChart 3.8.8 has no polar chart) in the colours and fonts of the other plots.
 */
public final class OrientationPolar {
  static {
    Png.headless();
  }

  /** Width of one panel, pixels. */
  public static final int PANEL_WIDTH = 430;
  /** Height of one panel, pixels. */
  public static final int PANEL_HEIGHT = 470;
  /** Panels per row at most. */
  public static final int COLUMNS = 3;

  private static final int TITLE_HEIGHT = 40;
  private static final int HEAD_HEIGHT = 70;
  private static final int LEGEND_HEIGHT = 34;
  private static final Color DATA = new Color(0x1f77b4);
  private static final Color FIT = new Color(0xd62728);
  private static final Color GRID = new Color(220, 220, 220);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  private static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final int CURVE_SAMPLES = 360;

  private OrientationPolar() {}

  /**
   * One B_θ group.
   *
   * @param bTheta the group's orientation bandwidth, radians
   * @param thetas the orientations, radians in [0, π)
   * @param activity the share of the group's activity at each orientation (sums to 1)
   * @param fit the two-peak von Mises fit to these points ({@link VonMisesFit#EMPTY} draws no curve)
   * @param energy the group's share of the coefficient energy, or NaN to leave it out of the caption
   * @param detail a short note under the panel's title (e.g. how many coefficients the group holds), or
   *     {@code ""}
   */
  public record Panel(double bTheta, double[] thetas, double[] activity, VonMisesFit fit, double energy,
      String detail) {
    /**
     * Checks the lengths and copies.
     *
     * @throws IllegalArgumentException when thetas and activity differ in length
     */
    public Panel {
      Objects.requireNonNull(fit, "fit");
      Objects.requireNonNull(detail, "detail");
      if (thetas.length != activity.length) {
        throw new IllegalArgumentException(thetas.length + " orientations for " + activity.length + " values");
      }
      thetas = thetas.clone();
      activity = activity.clone();
    }
  }

  /**
   * Draws the panels in a grid of up to {@link #COLUMNS} columns under a title and over a legend.
   *
   * @param title the figure's title (the run's name and what the activity is)
   * @param panels the groups, in drawing order
   * @return the image
   */
  public static BufferedImage image(String title, List<Panel> panels) {
    int n = Math.max(1, panels.size());
    int columns = Math.min(COLUMNS, n);
    int rows = (n + columns - 1) / columns;
    int width = Math.max(columns * PANEL_WIDTH, titleWidth(title) + 40);
    int height = TITLE_HEIGHT + rows * PANEL_HEIGHT + LEGEND_HEIGHT;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(TITLE);
      centred(g, title, width / 2, 27);
      int offset = (width - columns * PANEL_WIDTH) / 2;
      for (int i = 0; i < panels.size(); i++) {
        int x = offset + (i % columns) * PANEL_WIDTH;
        int y = TITLE_HEIGHT + (i / columns) * PANEL_HEIGHT;
        panel(g, panels.get(i), x, y);
      }
      if (panels.isEmpty()) {
        g.setFont(Png.LABEL);
        g.setColor(Color.DARK_GRAY);
        centred(g, "no B_θ group to draw", width / 2, TITLE_HEIGHT + PANEL_HEIGHT / 2);
      }
      legend(g, width, height - LEGEND_HEIGHT);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** One panel: title, grid, points at θ and θ + 180°, fitted curve. */
  private static void panel(Graphics2D g, Panel p, int x0, int y0) {
    VonMisesFit fit = p.fit();
    boolean fitted = Double.isFinite(fit.mu1());
    g.setColor(Color.BLACK);
    g.setFont(PANEL_TITLE);
    String head = "B_θ = " + OrientationDensity.degrees(p.bTheta()) + "°"
        + (Double.isFinite(p.energy()) ? ", energy " + percent(p.energy()) : "");
    centred(g, head, x0 + PANEL_WIDTH / 2, y0 + 20);
    g.setFont(Png.LABEL);
    g.setColor(Color.DARK_GRAY);
    String sub = fitted ? String.format(Locale.ROOT, "μ₁ = %.0f°, κ₁ = %.2g; μ₂ = %.0f°, κ₂ = %.2g; R² = %.2f",
        Math.toDegrees(fit.mu1()), fit.kappa1(), Math.toDegrees(fit.mu2()), fit.kappa2(), fit.rSquared())
        : "no von Mises fit (too little activity)";
    centred(g, sub, x0 + PANEL_WIDTH / 2, y0 + 40);
    if (!p.detail().isEmpty()) {
      centred(g, p.detail(), x0 + PANEL_WIDTH / 2, y0 + 58);
    }

    double cx = x0 + PANEL_WIDTH / 2.0;
    double cy = y0 + HEAD_HEIGHT + (PANEL_HEIGHT - HEAD_HEIGHT) / 2.0;
    double radius = Math.min(PANEL_WIDTH, PANEL_HEIGHT - HEAD_HEIGHT) / 2.0 - 34;
    double max = 0;
    for (double v : p.activity()) {
      if (Double.isFinite(v)) {
        max = Math.max(max, v);
      }
    }
    double top = niceTop(max);
    grid(g, cx, cy, radius, top);

    if (fitted) {
      Path2D.Double curve = new Path2D.Double();
      for (int i = 0; i <= 2 * CURVE_SAMPLES; i++) {
        double a = Math.PI * i / CURVE_SAMPLES;
        double r = radius * Math.max(0, fit.value(a)) / top;
        double px = cx + r * Math.cos(a);
        double py = cy - r * Math.sin(a);
        if (i == 0) {
          curve.moveTo(px, py);
        } else {
          curve.lineTo(px, py);
        }
      }
      curve.closePath();
      g.setColor(FIT);
      g.setStroke(new BasicStroke(2.2f));
      java.awt.Shape clip = g.getClip();
      g.clip(new Ellipse2D.Double(cx - radius - 2, cy - radius - 2, 2 * radius + 4, 2 * radius + 4));
      g.draw(curve);
      g.setClip(clip);
    }
    g.setColor(DATA);
    double dot = p.thetas().length > 36 ? 5 : 8;
    for (int i = 0; i < p.thetas().length; i++) {
      double v = p.activity()[i];
      if (!Double.isFinite(v)) {
        continue;
      }
      double r = radius * Math.max(0, v) / top;
      for (double a : new double[] {p.thetas()[i], p.thetas()[i] + Math.PI}) {
        double px = cx + r * Math.cos(a);
        double py = cy - r * Math.sin(a);
        g.fill(new Ellipse2D.Double(px - dot / 2, py - dot / 2, dot, dot));
      }
    }
  }

  /** Concentric circles at quarters of the radial range, labelled; spokes every 30°, labelled in degrees. */
  private static void grid(Graphics2D g, double cx, double cy, double radius, double top) {
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int k = 1; k <= 4; k++) {
      double r = radius * k / 4;
      g.setColor(GRID);
      g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
      g.setColor(Color.GRAY);
      // radial labels along the 75° spoke, clear of the usual peaks at 0° and 90°
      double a = Math.toRadians(75);
      g.drawString(share(top * k / 4), (float) (cx + r * Math.cos(a) + 3), (float) (cy - r * Math.sin(a)));
    }
    g.setFont(Png.LABEL);
    for (int deg = 0; deg < 360; deg += 30) {
      double a = Math.toRadians(deg);
      g.setColor(GRID);
      g.draw(new Line2D.Double(cx, cy, cx + radius * Math.cos(a), cy - radius * Math.sin(a)));
      g.setColor(Color.DARK_GRAY);
      double lx = cx + (radius + 18) * Math.cos(a);
      double ly = cy - (radius + 18) * Math.sin(a) + 5;
      centred(g, deg + "°", (int) Math.round(lx), (int) Math.round(ly));
    }
  }

  /** The legend along the bottom. */
  private static void legend(Graphics2D g, int width, int y) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    FontMetrics fm = g.getFontMetrics();
    String data = "share of the group's activity at θ (drawn at θ and θ + 180°; radius)";
    String fit = "two-peak von Mises fit";
    int total = 14 + 8 + fm.stringWidth(data) + 30 + 28 + 8 + fm.stringWidth(fit);
    int x = (width - total) / 2;
    int mid = y + LEGEND_HEIGHT / 2;
    g.setColor(DATA);
    g.fill(new Ellipse2D.Double(x, mid - 5, 10, 10));
    g.setColor(Color.BLACK);
    g.drawString(data, x + 22, mid + 5);
    x += 22 + fm.stringWidth(data) + 30;
    g.setColor(FIT);
    g.setStroke(new BasicStroke(2.2f));
    g.draw(new Line2D.Double(x, mid, x + 28, mid));
    g.setColor(Color.BLACK);
    g.drawString(fit, x + 36, mid + 5);
  }

  /** The width of the figure's title in its font. */
  private static int titleWidth(String title) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      g.setFont(TITLE);
      return g.getFontMetrics().stringWidth(title);
    } finally {
      g.dispose();
    }
  }

  /**
   * A share as a percentage: one decimal; two significant digits below 0.1 %; two decimals just under 100 %
   * (so that 99.97 % does not read as all of it).
   */
  static String percent(double share) {
    double v = 100 * share;
    if (v > 0 && v < 0.1) {
      return String.format(Locale.ROOT, "%.2g %%", v);
    }
    if (v >= 99.95 && v < 100) {
      return String.format(Locale.ROOT, "%.2f %%", Math.min(v, 99.99));
    }
    return String.format(Locale.ROOT, "%.1f %%", v);
  }

  /** A round upper bound of the radial axis: 1, 2, 2.5 or 5 times a power of ten, at least {@code max}. */
  static double niceTop(double max) {
    if (!(max > 0) || !Double.isFinite(max)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= max * 1.0000001) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String share(double v) {
    String s = String.format(Locale.ROOT, "%.3g", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  private static void centred(Graphics2D g, String text, int x, int baseline) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, x - fm.stringWidth(text) / 2, baseline);
  }

  /**
   * Draws the panels as PNG bytes.
   *
   * @param title the figure's title
   * @param panels the groups
   * @return the PNG
   */
  public static byte[] png(String title, List<Panel> panels) {
    return Png.encode(image(title, panels));
  }

  /**
   * Writes the panels as a PNG, atomically.
   *
   * @param file the destination
   * @param title the figure's title
   * @param panels the groups
   */
  public static void write(Path file, String title, List<Panel> panels) {
    Png.write(file, image(title, panels));
  }
}
