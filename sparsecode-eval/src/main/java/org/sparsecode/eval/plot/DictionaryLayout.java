package org.sparsecode.eval.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.sparsecode.api.kernel.KernelInfo;

/**
 * How the tiles of {@link DictionaryTiles} are laid out, in words, for the caption under them: read from the
 * kernels' {@link KernelInfo}. A generated dictionary whose kernels run over every combination of θ, B_θ and
 * phase, θ slowest and phase fastest (the order of the log-Gabor and Gabor generators), is described by what
 * a row holds, e.g. for the paper's 'full' dictionary in 12 columns: "Each row is one θ, 0° (top) to 165°
 * (bottom) by 15°; along the row, B_θ 5° to 30° by 5°, each as 2 phases (0°, 90°) side by side." Any other
 * dictionary (learned, random, loaded from a file) reads "kernel index row by row".
 */
public final class DictionaryLayout {

  /** The caption of a dictionary whose tiles are in index order only. */
  public static final String BY_INDEX = "Kernel index row by row, left to right, top to bottom.";

  /** At most this many values are listed one by one; more are written as a range. */
  private static final int LISTED = 4;

  private DictionaryLayout() {}

  /** One parameter of the kernels: its name, how to read it, its distinct values in order of first appearance. */
  private record Axis(String name, ToDoubleFunction<KernelInfo> of, List<Double> values) {
    int size() {
      return values.size();
    }
  }

  /**
   * The caption's sentences.
   *
   * @param info the kernels' parameters, in the dictionary's order
   * @param columns the tiles per row ({@link DictionaryTiles#columns(int)})
   * @return one or two sentences: the order of the tiles, then the parameters every kernel shares (if any);
   *     {@link #BY_INDEX} alone when the order is not a full θ × B_θ × phase product
   */
  public static List<String> describe(List<KernelInfo> info, int columns) {
    List<Axis> all = new ArrayList<>();
    for (Axis a : new Axis[] {axis("θ", info, KernelInfo::theta), axis("B_θ", info, KernelInfo::bTheta),
        axis("phase", info, KernelInfo::phase)}) {
      if (a != null) {
        all.add(a);
      }
    }
    if (all.isEmpty() || !isProduct(info, all)) {
      return List.of(BY_INDEX);
    }
    List<Axis> varying = all.stream().filter(a -> a.size() > 1).toList();
    List<Axis> constant = all.stream().filter(a -> a.size() == 1).toList();
    List<String> sentences = new ArrayList<>();
    if (varying.isEmpty()) {
      sentences.add(BY_INDEX);
    } else {
      sentences.add(order(varying, columns));
    }
    if (!constant.isEmpty()) {
      List<String> parts = constant.stream().map(a -> a.name() + " " + degrees(a.values().get(0))).toList();
      sentences.add(capitalise(String.join(", ", parts)) + " for every kernel.");
    }
    return sentences;
  }

  /** The sentence for the varying parameters, outermost (slowest) first. */
  private static String order(List<Axis> varying, int columns) {
    List<String> parts = new ArrayList<>();
    int block = 1;
    for (Axis a : varying) {
      block *= a.size();
    }
    boolean rowPerOuter = false;
    for (int i = 0; i < varying.size(); i++) {
      Axis a = varying.get(i);
      block /= a.size();
      boolean innermost = i == varying.size() - 1;
      if (i == 0) {
        String range = range(a);
        if (block == columns) {
          rowPerOuter = true;
          parts.add("each row is one " + a.name() + ", " + ends(a, "top", "bottom", range));
        } else if (block > columns && block % columns == 0) {
          parts.add("each " + a.name() + " fills " + block / columns + " rows, " + ends(a, "top", "bottom", range));
        } else if (block > 1 && columns % block == 0) {
          parts.add(columns / block + " " + plural(a.name()) + " per row, " + ends(a, "top left", "bottom right",
              range));
        } else {
          parts.add(a.name() + " " + range + " in reading order"
              + (block > 1 ? ", " + block + " tiles each" : ""));
        }
      } else if (innermost && a.size() <= LISTED) {
        parts.add("each as " + a.size() + " " + plural(a.name()) + " (" + range(a) + ") side by side");
      } else {
        parts.add((i == 1 && rowPerOuter ? "along the row, " : "then ") + a.name() + " " + range(a)
            + (innermost ? " tile by tile" : ""));
      }
    }
    String rest = String.join(", ", parts.subList(1, parts.size()));
    return capitalise(parts.get(0)) + (rest.isEmpty() ? "" : "; " + rest) + ".";
  }

  private static String ends(Axis a, String first, String last, String range) {
    if (a.size() > LISTED) {
      List<Double> v = a.values();
      String step = step(v);
      return degrees(v.get(0)) + " (" + first + ") to " + degrees(v.get(v.size() - 1)) + " (" + last + ")"
          + (step == null ? "" : " by " + step);
    }
    return range + " from " + first + " to " + last;
  }

  /** The values: listed when few, else first to last with the step when even. */
  private static String range(Axis a) {
    List<Double> v = a.values();
    if (v.size() <= LISTED) {
      return String.join(", ", v.stream().map(DictionaryLayout::degrees).toList());
    }
    String step = step(v);
    // an even step gives the count away; uneven values say it
    return degrees(v.get(0)) + " to " + degrees(v.get(v.size() - 1))
        + (step == null ? " (" + v.size() + " values)" : " by " + step);
  }

  /** The step of evenly spaced values, in degrees; {@code null} when uneven. */
  private static String step(List<Double> v) {
    double step = v.get(1) - v.get(0);
    for (int i = 2; i < v.size(); i++) {
      if (Math.abs(v.get(i) - v.get(i - 1) - step) > 1e-9 * Math.max(1, Math.abs(step))) {
        return null;
      }
    }
    return degrees(step);
  }

  /** Radians as degrees to 0.1°, trailing zeros dropped. */
  static String degrees(double radians) {
    return new BigDecimal(Math.toDegrees(radians)).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros()
        .toPlainString() + "°";
  }

  private static String plural(String name) {
    return name.equals("phase") ? "phases" : name;
  }

  private static String capitalise(String s) {
    // only a Latin first letter: "θ 0° to 165°" must not become "Θ"
    return s.isEmpty() || s.charAt(0) > 'z' ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The distinct values of one parameter in order of first appearance; {@code null} when any is unknown. */
  private static Axis axis(String name, List<KernelInfo> info, ToDoubleFunction<KernelInfo> value) {
    List<Double> values = new ArrayList<>();
    for (KernelInfo k : info) {
      double v = value.applyAsDouble(k);
      if (!Double.isFinite(v)) {
        return null;
      }
      if (!values.contains(v)) {
        values.add(v);
      }
    }
    return values.isEmpty() ? null : new Axis(name, value, values);
  }

  /**
   * Whether kernel {@code n} is the {@code n}-th combination of the axes' values, the first axis slowest:
   * the order {@link #describe} puts into words.
   */
  private static boolean isProduct(List<KernelInfo> info, List<Axis> axes) {
    long total = 1;
    for (Axis a : axes) {
      total *= a.size();
    }
    if (total != info.size()) {
      return false;
    }
    for (int n = 0; n < info.size(); n++) {
      int rest = n;
      for (int i = axes.size() - 1; i >= 0; i--) {
        Axis a = axes.get(i);
        double expected = a.values().get(rest % a.size());
        rest /= a.size();
        if (a.of().applyAsDouble(info.get(n)) != expected) {
          return false;
        }
      }
    }
    return true;
  }
}
