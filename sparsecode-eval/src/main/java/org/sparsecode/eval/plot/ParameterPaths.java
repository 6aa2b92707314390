package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;

/**
 * The paths of learned kernels in the (θ, B_θ) plane: one line per kernel from its start to its end, θ in
 * degrees modulo 180 (an orientation; a path is broken where it wraps), B_θ in radians on the y axis, the
 * start points drawn as open squares and the end points as filled circles.
 */
public final class ParameterPaths {
  static {
    Png.headless();
  }

  /** Width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Height of the PNG, pixels. */
  public static final int HEIGHT = 600;

  private ParameterPaths() {}

  /**
   * One kernel's path.
   *
   * @param theta θ in radians at each recorded step
   * @param bTheta B_θ in radians at the same steps
   */
  public record KernelPath(double[] theta, double[] bTheta) {
    /** Copies and checks the lengths. */
    public KernelPath {
      theta = theta.clone();
      bTheta = bTheta.clone();
      if (theta.length != bTheta.length || theta.length == 0) {
        throw new IllegalArgumentException("path: " + theta.length + " theta for " + bTheta.length + " bTheta");
      }
    }
  }

  /**
   * Builds the chart.
   *
   * @param title the chart's title
   * @param paths one per kernel
   * @return the chart
   */
  public static XYChart chart(String title, List<KernelPath> paths) {
    XYChart chart = Png.lines(WIDTH, HEIGHT, title, "θ (degrees, modulo 180)", "B_θ (rad)", 12);
    var style = chart.getStyler();
    style.setLegendVisible(false);
    style.setXAxisMin(0.0);
    style.setXAxisMax(180.0);
    style.setXAxisDecimalPattern("0");
    style.setYAxisDecimalPattern("0.###");
    List<Double> sx = new ArrayList<>();
    List<Double> sy = new ArrayList<>();
    List<Double> ex = new ArrayList<>();
    List<Double> ey = new ArrayList<>();
    int segment = 0;
    Color line = new Color(70, 110, 170, 150);
    for (KernelPath p : paths) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < p.theta().length; i++) {
        double deg = Math.floorMod(Math.round(Math.toDegrees(p.theta()[i]) * 1e6), 180_000_000L) / 1e6;
        if (!x.isEmpty() && Math.abs(deg - x.get(x.size() - 1)) > 90) {
          segment = addSegment(chart, segment, x, y, line);
          x = new ArrayList<>();
          y = new ArrayList<>();
        }
        x.add(deg);
        y.add(p.bTheta()[i]);
        if (i == 0) {
          sx.add(deg);
          sy.add(p.bTheta()[i]);
        }
        if (i == p.theta().length - 1) {
          ex.add(deg);
          ey.add(p.bTheta()[i]);
        }
      }
      segment = addSegment(chart, segment, x, y, line);
    }
    if (!sx.isEmpty()) {
      XYSeries start = chart.addSeries("start", sx, sy);
      start.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      start.setMarker(SeriesMarkers.SQUARE);
      start.setMarkerColor(new Color(150, 150, 150));
      XYSeries end = chart.addSeries("end", ex, ey);
      end.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      end.setMarker(SeriesMarkers.CIRCLE);
      end.setMarkerColor(new Color(200, 60, 40));
    }
    return chart;
  }

  private static int addSegment(XYChart chart, int segment, List<Double> x, List<Double> y, Color color) {
    if (x.isEmpty()) {
      return segment;
    }
    XYSeries s = chart.addSeries("path " + segment, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(1.2f));
    return segment + 1;
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param paths one per kernel
   */
  public static void write(Path file, String title, List<KernelPath> paths) {
    Objects.requireNonNull(paths, "paths");
    try {
      AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart(title, paths), BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the parameter paths", e);
    }
  }
}
