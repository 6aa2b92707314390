package org.sparsecode.eval.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Every kernel of a dictionary drawn as a grid of grey tiles, in the dictionary's order (row by row), as
 * the paper's figures show dictionaries; the file written has a title above the tiles (the run's name, the
 * number and size of the kernels) and a caption below that says how the tiles are laid out
 * ({@link DictionaryLayout}) and how they are scaled. Each kernel is scaled by its own max-abs, with a grey scale
 * symmetric around zero: 0 is mid-grey, {@code +max|d_k|} white, {@code −max|d_k|} black (a zero kernel is
 * uniform mid-grey). Tiles are upscaled by pixel replication and separated by 1-pixel gaps of a dark blue
 * that no kernel value takes, with the same gap around the border.
 *
 * <p>Layout: {@code columns = ceil(sqrt(K))}, {@code rows = ceil(K / columns)}; the tiles are
 * {@code columns·k·scale + columns + 1} pixels wide and {@code rows·k·scale + rows + 1} high
 * ({@link #render(Dictionary, int)}); the file adds the title band and the caption
 * ({@link #render(Dictionary, String, int)}).
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
  /** White margin around the tiles, the title and the caption, pixels. */
  public static final int MARGIN = 10;
  /** The narrowest file, pixels, so that the title and the caption of a small dictionary stay readable. */
  public static final int MIN_WIDTH = 560;
  /** The last sentence of the caption. */
  public static final String SCALE_NOTE = "Each tile is scaled by its own max |d_k|: white +max, mid-grey 0, "
      + "black −max.";

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);

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
   * The title of a dictionary's picture.
   *
   * @param name the run's name (experiment, or experiment/variant); empty for none
   * @param dictionary the kernels
   * @return e.g. {@code quickstart/full: 144 kernels 12×12}
   */
  public static String title(String name, Dictionary dictionary) {
    String size = dictionary.count() + (dictionary.count() == 1 ? " kernel " : " kernels ") + dictionary.size()
        + "×" + dictionary.size();
    return name == null || name.isEmpty() ? size : name + ": " + size;
  }

  /**
   * The caption under the tiles: how they are laid out ({@link DictionaryLayout#describe}), then
   * {@link #SCALE_NOTE}.
   *
   * @param dictionary the kernels
   * @return the sentences
   */
  public static List<String> caption(Dictionary dictionary) {
    List<String> sentences = new ArrayList<>(DictionaryLayout.describe(dictionary.info(),
        columns(dictionary.count())));
    sentences.add(SCALE_NOTE);
    return sentences;
  }

  /**
   * Draws the tiles with a title above and the caption ({@link #caption}) below, on white, at least
   * {@link #MIN_WIDTH} pixels wide, the tiles centred.
   *
   * @param dictionary the kernels
   * @param name the run's name for the title ({@link #title}); empty for none
   * @param scale upscaling factor, at least 1
   * @return an RGB image
   * @throws IllegalArgumentException when {@code scale < 1}
   */
  public static BufferedImage render(Dictionary dictionary, String name, int scale) {
    BufferedImage tiles = render(dictionary, scale);
    int width = Math.max(tiles.getWidth() + 2 * MARGIN, MIN_WIDTH);
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D probe = scratch.createGraphics();
    FontMetrics titleMetrics = probe.getFontMetrics(TITLE);
    FontMetrics labelMetrics = probe.getFontMetrics(Png.LABEL);
    probe.dispose();
    List<String> lines = new ArrayList<>();
    for (String sentence : caption(dictionary)) {
      lines.addAll(wrap(sentence, labelMetrics, width - 2 * MARGIN));
    }
    int titleBand = MARGIN + titleMetrics.getHeight() + MARGIN / 2;
    int lineHeight = labelMetrics.getHeight();
    int height = titleBand + tiles.getHeight() + MARGIN / 2 + lines.size() * lineHeight + MARGIN;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(tiles, (width - tiles.getWidth()) / 2, titleBand, null);
      g.setColor(Color.BLACK);
      g.setFont(TITLE);
      g.drawString(title(name, dictionary), MARGIN, MARGIN + titleMetrics.getAscent());
      g.setFont(Png.LABEL);
      int y = titleBand + tiles.getHeight() + MARGIN / 2 + labelMetrics.getAscent();
      for (String line : lines) {
        g.drawString(line, MARGIN, y);
        y += lineHeight;
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** A sentence broken at spaces into lines no wider than {@code width} pixels (a longer word stays whole). */
  private static List<String> wrap(String sentence, FontMetrics metrics, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : sentence.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && metrics.stringWidth(candidate) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
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
   * Writes the titled and captioned tiles ({@link #render(Dictionary, String, int)}) as a PNG at
   * {@link #DEFAULT_SCALE}, atomically.
   *
   * @param file the destination
   * @param name the run's name for the title; empty for none
   * @param dictionary the kernels
   */
  public static void write(Path file, String name, Dictionary dictionary) {
    Png.write(file, render(dictionary, name, DEFAULT_SCALE));
  }
}
