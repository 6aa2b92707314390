package org.sparsecode.eval.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.eval.metric.Measures;

/**
 * The paper's resilience analysis for one image: zero the coefficients of small magnitude (no
 * re-optimisation, {@link SparseCode#threshold(double)}), reconstruct, and measure PSNR ({@link
 * Measures#psnr}, peak = range of the image) and sparseness ({@code 1 − nnz / size}).
 */
public final class Resilience {

  /** The paper's absolute cutoffs, {@code numpy.linspace(0.001, 0.5, 6)}. */
  public static final List<Double> DEFAULT_CUTOFFS = linspace(0.001, 0.5, 6);

  /** The divisors of the ceil form used in the paper's downstream experiment. */
  public static final List<Double> DEFAULT_CEIL_DIVISORS = List.of(4.0, 2.0);

  private Resilience() {}

  /**
   * Evenly spaced values exactly as {@code numpy.linspace(start, stop, n)}: {@code start + i · step} with
   * {@code step = (stop − start) / (n − 1)}, the last one set to {@code stop}.
   *
   * @param start the first value
   * @param stop the last value
   * @param n number of values, at least 2
   * @return an unmodifiable list
   * @throws IllegalArgumentException if n &lt; 2
   */
  public static List<Double> linspace(double start, double stop, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("linspace: need at least 2 values, got " + n);
    }
    double step = (stop - start) / (n - 1);
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n - 1; i++) {
      out.add(i * step + start);
    }
    out.add(stop);
    return List.copyOf(out);
  }

  /**
   * PSNR and sparseness after zeroing {@code |x| < c} for each of {@link #DEFAULT_CUTOFFS}.
   *
   * @param code the image's code
   * @param dictionary the dictionary it was coded with
   * @param image the coded (grey) image
   * @return the curve
   */
  public static ResilienceCurve absolute(SparseCode code, Dictionary dictionary, Image image) {
    return absolute(code, dictionary, image, DEFAULT_CUTOFFS);
  }

  /**
   * PSNR and sparseness after zeroing {@code |x| < c} for each cutoff c.
   *
   * @param code the image's code
   * @param dictionary the dictionary it was coded with
   * @param image the coded (grey) image, of the code's height and width
   * @param cutoffs finite cutoffs ≥ 0 (0 keeps the code unchanged)
   * @return the curve, one point per cutoff in the given order
   * @throws IllegalArgumentException if a cutoff is negative or not finite, or the shapes do not match
   */
  public static ResilienceCurve absolute(SparseCode code, Dictionary dictionary, Image image,
      List<Double> cutoffs) {
    checkShapes(code, dictionary, image, cutoffs);
    List<ResiliencePoint> points = new ArrayList<>(cutoffs.size());
    for (Double c : cutoffs) {
      if (c == null || !Double.isFinite(c) || c < 0) {
        throw new IllegalArgumentException("resilience: cutoff " + c + " must be finite and >= 0");
      }
      points.add(point(c, c, code, dictionary, image));
    }
    return new ResilienceCurve(ResilienceCurve.Form.ABSOLUTE, points);
  }

  /**
   * The "ceil" form: PSNR and sparseness after zeroing {@code |x| < max|x| / c} for each divisor c (c = 1
   * keeps only the largest coefficient(s)).
   *
   * @param code the image's code
   * @param dictionary the dictionary it was coded with
   * @param image the coded (grey) image, of the code's height and width
   * @param divisors finite divisors &gt; 0, e.g. {@link #DEFAULT_CEIL_DIVISORS}
   * @return the curve, one point per divisor in the given order
   * @throws IllegalArgumentException if a divisor is not finite and positive, or the shapes do not match
   */
  public static ResilienceCurve ceil(SparseCode code, Dictionary dictionary, Image image, List<Double> divisors) {
    checkShapes(code, dictionary, image, divisors);
    double max = 0;
    for (double v : code.values()) {
      max = Math.max(max, Math.abs(v));
    }
    List<ResiliencePoint> points = new ArrayList<>(divisors.size());
    for (Double c : divisors) {
      if (c == null || !Double.isFinite(c) || c <= 0) {
        throw new IllegalArgumentException("resilience: ceil divisor " + c + " must be finite and > 0");
      }
      points.add(point(c, max / c, code, dictionary, image));
    }
    return new ResilienceCurve(ResilienceCurve.Form.CEIL, points);
  }

  /**
   * One measurement.
   *
   * @param cutoff the cutoff as given
   * @param threshold the magnitude threshold
   * @param code the code
   * @param dictionary the dictionary
   * @param image the image
   * @return the point
   */
  private static ResiliencePoint point(double cutoff, double threshold, SparseCode code, Dictionary dictionary,
      Image image) {
    SparseCode kept = code.threshold(threshold);
    double psnr = Measures.psnr(image, kept.reconstruct(dictionary));
    return new ResiliencePoint(cutoff, threshold, psnr, kept.sparseness(), kept.nonZeros());
  }

  /**
   * Checks that the image is grey and of the code's size.
   *
   * @param code the code
   * @param dictionary the dictionary
   * @param image the image
   * @param cutoffs the cutoffs
   */
  private static void checkShapes(SparseCode code, Dictionary dictionary, Image image, List<Double> cutoffs) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(cutoffs, "cutoffs");
    if (image.channels() != 1 || image.height() != code.height() || image.width() != code.width()) {
      throw new IllegalArgumentException("resilience: image " + image.id() + " is " + image.channels() + "x"
          + image.height() + "x" + image.width() + ", the code needs a grey " + code.height() + "x"
          + code.width() + " image");
    }
  }
}
