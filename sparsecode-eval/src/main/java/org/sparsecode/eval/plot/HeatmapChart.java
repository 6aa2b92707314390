package org.sparsecode.eval.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.sparsecode.core.io.AtomicFiles;

/**
 * A value over a grid of two settings (the cells of a two-axis sweep): one coloured tile per pair, its value
 * written on it while the grid has at most {@value #MAX_VALUE_COLUMNS} columns, the settings as categorical
 * ticks (so either may be a list, a block or a word). A pair without a finite value is left blank.
 */
public final class HeatmapChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 600;

  /** A sequential palette (viridis' ends and middle), dark for low values, readable in grey print. */
  private static final Color[] RANGE = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
      new Color(0x5ec962), new Color(0xfde725)};

  /** The most columns whose tiles have their value written on them. */
  public static final int MAX_VALUE_COLUMNS = 12;

  private HeatmapChart() {}

  /**
   * The grid to draw.
   *
   * @param xTitle the horizontal setting
   * @param xLabels its values, left to right
   * @param yTitle the vertical setting
   * @param yLabels its values, bottom to top
   * @param values {@code values[y][x]}, NaN where the pair has no value
   */
  public record Grid(String xTitle, List<String> xLabels, String yTitle, List<String> yLabels, double[][] values) {
    /**
     * Checks the shape and copies.
     *
     * @throws IllegalArgumentException when the values do not have one row per y label and one column per x label
     */
    public Grid {
      xLabels = List.copyOf(xLabels);
      yLabels = List.copyOf(yLabels);
      if (values.length != yLabels.size()) {
        throw new IllegalArgumentException(values.length + " rows of values for " + yLabels.size() + " y labels");
      }
      double[][] copy = new double[values.length][];
      for (int j = 0; j < values.length; j++) {
        if (values[j].length != xLabels.size()) {
          throw new IllegalArgumentException("row " + j + " has " + values[j].length + " values for "
              + xLabels.size() + " x labels");
        }
        copy[j] = values[j].clone();
      }
      values = copy;
    }
  }

  /**
   * Builds the chart (for callers who want another format or size).
   *
   * @param title the chart's title (names the value)
   * @param grid the grid
   * @param decimals digits after the point of the values written on the tiles
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static HeatMapChart chart(String title, Grid grid, int decimals, int width, int height) {
    HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(grid.xTitle()).yAxisTitle(grid.yTitle()).build();
    var style = chart.getStyler();
    Png.houseStyle(style, 16);
    style.setLegendPosition(Styler.LegendPosition.OutsideE);
    style.setLegendBorderColor(Color.WHITE);
    style.setRangeColors(RANGE);
    // values on the tiles only while they fit; ticks slanted when the labels would run into each other
    style.setShowValue(grid.xLabels().size() <= MAX_VALUE_COLUMNS && grid.yLabels().size() <= 2 * MAX_VALUE_COLUMNS);
    int longest = grid.xLabels().stream().mapToInt(String::length).max().orElse(0);
    if (grid.xLabels().size() * (longest + 2) > 90) {
      style.setXAxisLabelRotation(60);
    }
    style.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    style.setValueFontColor(Color.WHITE);
    style.setHeatMapValueDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
    style.setDrawBorder(true);
    List<Number[]> data = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < grid.values().length; j++) {
      for (int i = 0; i < grid.values()[j].length; i++) {
        double v = grid.values()[j][i];
        if (Double.isFinite(v)) {
          data.add(new Number[] {i, j, v});
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (data.isEmpty()) {
      min = 0;
      max = 1;
    } else if (max <= min) {
      // one value (or all equal): a range around it, so the colour scale is defined
      min -= 1;
      max += 1;
    }
    style.setMin(min);
    style.setMax(max);
    chart.addSeries(title, grid.xLabels(), grid.yLabels(), data);
    return chart;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param grid the grid
   * @param decimals digits after the point of the values on the tiles
   * @return the PNG
   */
  public static byte[] png(String title, Grid grid, int decimals) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, grid, decimals, WIDTH, HEIGHT), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the heatmap " + title, e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param grid the grid
   * @param decimals digits after the point of the values on the tiles
   */
  public static void write(Path file, String title, Grid grid, int decimals) {
    AtomicFiles.write(file, png(title, grid, decimals));
  }
}
