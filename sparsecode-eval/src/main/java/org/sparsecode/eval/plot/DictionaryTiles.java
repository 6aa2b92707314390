package org.sparsecode.eval.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Every kernel of a dictionary drawn as a grid of grey tiles, in the dictionary's order (row by row), as
 * the paper's figures show dictionaries. Each kernel is scaled by its own max-abs, with a grey scale
 * symmetric around zero: 0 is mid-grey, {@code +max|d_k|} white, {@code −max|d_k|} black (a zero kernel is
 * uniform mid-grey). Tiles are upscaled by pixel replication and separated by 1-pixel gaps of a dark blue
 * that no kernel value takes, with the same gap around the border.
 *
 * <p>Layout: {@code columns = ceil(sqrt(K))}, {@code rows = ceil(K / columns)}; the image is
 * {@code columns·k·scale + columns + 1} pixels wide and {@code rows·k·scale + rows + 1} high.
 */
public final class DictionaryTiles {
  static {
    Png.headless();
  }

  /** Default upscaling: a 12×12 kernel becomes a 72×72 tile, a 144-kernel dictionary about 880 pixels. */
  public static final int DEFAULT_SCALE = 6;
  /** Gap between tiles and around the border, pixels. */
  public static final int GAP = 1;
  /** Colour of the gaps (RGB), blue so that it cannot be mistaken for a kernel value. */
  public static final int GAP_RGB = 0x1f3a68;

  private DictionaryTiles() {}

  /**
   * The number of tile columns for {@code count} kernels.
   *
   * @param count K
   * @return {@code ceil(sqrt(K))}
   */
  public static int columns(int count) {
    int c = (int) Math.ceil(Math.sqrt(count));
    // guard against sqrt rounding for perfect squares
    while ((c - 1) * (c - 1) >= count && c > 1) {
      c--;
    }
    return c;
  }

  /**
   * The number of tile rows for {@code count} kernels.
   *
   * @param count K
   * @return {@code ceil(K / columns)}
   */
  public static int rows(int count) {
    int c = columns(count);
    return (count + c - 1) / c;
  }

  /**
   * Draws the tiles.
   *
   * @param dictionary the kernels
   * @param scale upscaling factor, at least 1
   * @return an RGB image
   * @throws IllegalArgumentException when {@code scale < 1}
   */
  public static BufferedImage render(Dictionary dictionary, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1, got " + scale);
    }
    int k = dictionary.size();
    int count = dictionary.count();
    int cols = columns(count);
    int rows = rows(count);
    int tile = k * scale;
    int width = cols * tile + (cols + 1) * GAP;
    int height = rows * tile + (rows + 1) * GAP;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] background = new int[width * height];
    java.util.Arrays.fill(background, GAP_RGB);
    img.setRGB(0, 0, width, height, background, 0, width);
    double[] values = dictionary.kernels();
    int[] line = new int[tile];
    for (int n = 0; n < count; n++) {
      int x0 = GAP + (n % cols) * (tile + GAP);
      int y0 = GAP + (n / cols) * (tile + GAP);
      int base = n * k * k;
      double maxAbs = 0;
      for (int i = 0; i < k * k; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(values[base + i]));
      }
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          int rgb = grey(maxAbs == 0 ? 0 : values[base + r * k + c] / maxAbs);
          for (int s = 0; s < scale; s++) {
            line[c * scale + s] = rgb;
          }
        }
        for (int s = 0; s < scale; s++) {
          img.setRGB(x0, y0 + r * scale + s, tile, 1, line, 0, tile);
        }
      }
    }
    return img;
  }

  /**
   * The grey of a value in [−1, 1]: −1 black, 0 mid-grey, +1 white (clamped outside).
   *
   * @param v the value
   * @return an opaque RGB
   */
  static int grey(double v) {
    int g = (int) Math.round(127.5 * (1 + Math.max(-1, Math.min(1, v))));
    return 0xff000000 | g << 16 | g << 8 | g;
  }

  /**
   * Writes the tiles as a PNG at {@link #DEFAULT_SCALE}, atomically.
   *
   * @param file the destination
   * @param dictionary the kernels
   */
  public static void write(Path file, Dictionary dictionary) {
    write(file, dictionary, DEFAULT_SCALE);
  }

  /**
   * Writes the tiles as a PNG, atomically.
   *
   * @param file the destination
   * @param dictionary the kernels
   * @param scale upscaling factor, at least 1
   */
  public static void write(Path file, Dictionary dictionary, int scale) {
    Png.write(file, render(dictionary, scale));
  }
}
