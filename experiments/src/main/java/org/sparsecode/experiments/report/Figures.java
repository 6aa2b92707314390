package org.sparsecode.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * The PNG plots of a directory as embedded figures ({@code data:image/png;base64} URIs) with captions: a
 * caption per known file name, and one made from the file name for the others.
 */
public final class Figures {
  /**
   * The plots the project writes, in the order they are shown, with their captions (the reconstruction
   * prefix only holds the rank of every {@code reconstruction-<id>.png}).
   */
  private static final Map<String, String> CAPTIONS = orderedCaptions();

  private Figures() {}

  private static Map<String, String> orderedCaptions() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(RunDirectory.DICTIONARY_PNG, "Every kernel of the dictionary");
    m.put(RunDirectory.RECONSTRUCTION_PREFIX, "");
    m.put(RunDirectory.PSNR_PLOT, "PSNR against sparseness, one point per image and scenario");
    m.put("psnr-distribution.png", "Distribution of the PSNR of the images, per scenario");
    m.put("sparseness-distribution.png", "Distribution of the sparseness of the codes, per scenario");
    m.put("resilience.png", "Resilience: PSNR and sparseness after zeroing the coefficients |x| < c "
        + "(no re-optimisation)");
    m.put(RunDirectory.SECONDS_PLOT, "Solve time per image, per scenario");
    m.put(RunDirectory.LEARNING_OBJECTIVE_PNG, "Coding objective ½‖Σ d_k * x_k − s‖² + λ Σ ‖x_k‖₁ of each "
        + "learning step");
    m.put(RunDirectory.ORIENTATION_PNG, "Log-Gabor re-fit of the learned atoms: the B_θ histogram and the "
        + "(θ, B_θ) of each atom");
    m.put("coefficient-histogram.png", "Histogram of the coefficient values (65 bins on [0.01, 1]) with the "
        + "exponential fit a·e^(−bx) and its R²");
    m.put("orientation-activity.png", "Activity over the orientation θ per bandwidth B_θ, with the two-peak "
        + "von Mises fit");
    m.put("energy-btheta.png", "Distribution of the coefficient energy over the bandwidths B_θ");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The caption of a plot, from its file name.
   *
   * @param file the file name, e.g. {@code reconstruction-camera.png}
   * @return the caption
   */
  static String caption(String file) {
    String known = CAPTIONS.get(file);
    if (known != null && !known.isEmpty()) {
      return known;
    }
    String stem = file.replaceFirst("(?i)\\.png$", "");
    if (stem.startsWith(RunDirectory.RECONSTRUCTION_PREFIX)) {
      return "Image " + stem.substring(RunDirectory.RECONSTRUCTION_PREFIX.length())
          + ": the original, its reconstruction from the code and the residual";
    }
    if (stem.startsWith("resilience")) {
      return "Resilience curves (" + stem.substring("resilience".length()).replaceAll("^[-_]+", "")
          .replace('-', ' ').replace('_', ' ') + "): PSNR and sparseness after zeroing small coefficients";
    }
    String words = stem.replace('-', ' ').replace('_', ' ').trim();
    return words.isEmpty() ? file : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /**
   * The PNG files of a directory: the known plots in their order, then the others by name.
   *
   * @param dir the directory
   * @param keep which file names to keep
   * @return the files; empty when the directory cannot be listed
   */
  static List<Path> pngs(Path dir, Predicate<String> keep) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (var files = Files.newDirectoryStream(dir, "*.{png,PNG}")) {
      for (Path p : files) {
        if (Files.isRegularFile(p) && keep.test(p.getFileName().toString())) {
          found.add(p);
        }
      }
    } catch (IOException e) {
      return found;
    }
    List<String> order = new ArrayList<>(CAPTIONS.keySet());
    found.sort(Comparator.<Path>comparingInt(p -> rank(order, p.getFileName().toString()))
        .thenComparing(p -> p.getFileName().toString()));
    return found;
  }

  private static int rank(List<String> order, String name) {
    int i = order.indexOf(name);
    if (i >= 0) {
      return i;
    }
    if (name.startsWith("resilience")) {
      return order.indexOf("resilience.png");
    }
    return name.startsWith(RunDirectory.RECONSTRUCTION_PREFIX)
        ? order.indexOf(RunDirectory.RECONSTRUCTION_PREFIX) : order.size();
  }

  /**
   * One embedded figure.
   *
   * @param png the file
   * @param captionPrefix text put before the caption (a variant's name), or empty
   * @return the {@code figure} element; a note when the file cannot be read
   */
  static String figure(Path png, String captionPrefix) {
    return embed(png, captionPrefix + caption(png.getFileName().toString()));
  }

  /**
   * One embedded figure with a caption of the caller's.
   *
   * @param png the file
   * @param caption the caption (escaped here), followed by the file's name
   * @return the {@code figure} element; a note when the file cannot be read
   */
  public static String embed(Path png, String caption) {
    String name = png.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(png);
    } catch (IOException e) {
      return "<p class=\"note\">" + Html.escape(name + ": could not be read (" + e.getMessage() + ")") + "</p>\n";
    }
    return "<figure><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(bytes)
        + "\" alt=\"" + Html.escape(caption) + "\"><figcaption>" + Html.escape(caption) + " <code>("
        + Html.escape(name) + ")</code></figcaption></figure>\n";
  }

  /**
   * Every PNG of a directory, embedded.
   *
   * @param dir the directory
   * @param keep which file names to keep
   * @param captionPrefix text put before each caption, or empty
   * @return the figures, empty when there are none
   */
  static String all(Path dir, Predicate<String> keep, String captionPrefix) {
    StringBuilder sb = new StringBuilder();
    for (Path p : pngs(dir, keep)) {
      sb.append(figure(p, captionPrefix));
    }
    return sb.toString();
  }

  /**
   * Whether a plot is one of the coefficient or orientation analyses of a code or dictionary.
   *
   * @param name the file name
   * @return {@code true} for {@code coefficient-*}, {@code orientation-*} and {@code energy-*} plots
   */
  static boolean isCoefficientOrOrientation(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("coefficient") || n.startsWith("orientation") || n.startsWith("energy");
  }
}
