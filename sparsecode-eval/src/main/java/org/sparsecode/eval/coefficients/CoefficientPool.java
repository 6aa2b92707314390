package org.sparsecode.eval.coefficients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;

/**
 * The coefficient statistics of many images' codes pooled: the {@link CoefficientHistogram} counts added, the
 * mean over images of each image's histogram probabilities, each image's exponential fit, and — for a
 * dictionary whose kernels all carry θ and B_θ — the {@link OrientationActivity} per B_θ and the energy per
 * B_θ added. Images are {@link #add added} one by one under their index in the run; pools of disjoint images
 * computed apart (other threads, processes or machines) {@link #merge merge}.
 *
 * <p><b>Exact merging.</b> Floating-point addition is not associative, so running sums would depend on the
 * order in which images and partial pools arrive. The pool therefore keeps each image's own contribution,
 * keyed by its index, and computes every total when it is read, adding the images' values in increasing
 * index order starting from 0 (the integer counts are exact in any order). The pool of images 0..8 is thus
 * the same, bit for bit, whether they were added in one process or merged from {0..4} and {5..8} in any order
 * and grouping, and the totals are those a single process adding the images in index order gets — the numbers
 * the running sums of earlier versions wrote, so existing runs' files do not change (an exact or compensated
 * accumulator would also merge exactly, but would change those last digits). Each image costs about 2 kB
 * (its 65 probabilities and counts, one activity per (B_θ, θ) and one energy per B_θ), so a run of thousands
 * of images stays small; the price is that reading a total is linear in the images.
 *
 * <p><b>Compatibility.</b> A pool is made for one dictionary (its shape, kernel values and θ/B_θ, by a 64-bit
 * fingerprint) and one activity {@link Measure}; {@link #add} with another dictionary and {@link #merge} of a
 * pool of another dictionary, measure or histogram binning are refused, as is an image index pooled twice.
 *
 * <p><b>Ownership.</b> A pool is a mutable accumulator owned by one thread at a time; {@link #merge} copies
 * nothing it does not own (the per-image contributions are immutable and shared). {@link #toArrays} and
 * {@link #fromArrays} save and restore a pool (for example as a {@code .npz} archive through the core
 * {@code Npz}), with every value bit for bit.
 */
public final class CoefficientPool {
  /** Version of the {@link #toArrays} layout. */
  private static final int FORMAT = 1;
  private static final int BINS = CoefficientHistogram.BINS;

  /**
   * The exponential fit of one image's histogram.
   *
   * @param a the amplitude
   * @param b the rate
   * @param rSquared the coefficient of determination
   */
  public record ImageFit(double a, double b, double rSquared) {}

  /** One image's contribution; never changed once made. */
  private record Contribution(long[] counts, long below, long above, double[] probabilities, ImageFit fit,
      double[] activity, double[] energy) {}

  private final Measure measure;
  private final int kernels;
  private final int kernelSize;
  private final long fingerprint;
  private final double[] bThetas;
  private final double[][] thetas;
  private final TreeMap<Integer, Contribution> images = new TreeMap<>();

  private CoefficientPool(Measure measure, int kernels, int kernelSize, long fingerprint, double[] bThetas,
      double[][] thetas) {
    this.measure = measure;
    this.kernels = kernels;
    this.kernelSize = kernelSize;
    this.fingerprint = fingerprint;
    this.bThetas = bThetas;
    this.thetas = thetas;
  }

  /**
   * An empty pool for the codes of one dictionary. The orientation statistics are pooled when every kernel
   * carries a known θ and B_θ (log-Gabor dictionaries), with the groups of {@link OrientationActivity}.
   *
   * @param dictionary the dictionary the codes are computed with
   * @param measure what the orientation activity sums
   * @return the empty pool
   */
  public static CoefficientPool of(Dictionary dictionary, Measure measure) {
    boolean orientation = dictionary.info().stream().allMatch(KernelInfo::isKnown);
    List<OrientationActivity.Group> groups = orientation
        ? OrientationActivity.pooled(dictionary, List.of(), measure).groups() : List.of();
    double[] b = new double[groups.size()];
    double[][] t = new double[groups.size()][];
    for (int g = 0; g < b.length; g++) {
      b[g] = groups.get(g).bTheta();
      t[g] = groups.get(g).thetas();
    }
    return new CoefficientPool(measure, dictionary.count(), dictionary.size(), fingerprint(dictionary), b, t);
  }

  /**
   * Adds one image's code.
   *
   * @param image the image's index in the run (0-based), not pooled yet
   * @param dictionary the dictionary of this pool
   * @param code the image's code
   * @throws IllegalArgumentException if the index is negative or already pooled, or the dictionary is not
   *     the pool's
   */
  public void add(int image, Dictionary dictionary, SparseCode code) {
    if (image < 0) {
      throw new IllegalArgumentException("coefficient pool: image index " + image + " is negative");
    }
    if (images.containsKey(image)) {
      throw new IllegalArgumentException("coefficient pool: image " + image + " is pooled already");
    }
    if (dictionary.count() != kernels || dictionary.size() != kernelSize || fingerprint(dictionary) != fingerprint) {
      throw new IllegalArgumentException("coefficient pool: the code of image " + image + " was computed with "
          + dictionary + ", not with the pool's dictionary of " + kernels + " kernels of " + kernelSize + "x"
          + kernelSize + " (fingerprint " + Long.toHexString(fingerprint) + "); pool each dictionary apart");
    }
    CoefficientHistogram h = CoefficientHistogram.of(code);
    ExponentialFit f = h.fit();
    double[] activity = new double[cells()];
    double[] energy = new double[bThetas.length];
    if (orientation()) {
      List<OrientationActivity.Group> groups = OrientationActivity.of(dictionary, code, measure).groups();
      int at = 0;
      for (int g = 0; g < groups.size(); g++) {
        double[] a = groups.get(g).activity();
        System.arraycopy(a, 0, activity, at, a.length);
        at += a.length;
        energy[g] = groups.get(g).energy();
      }
    }
    images.put(image, new Contribution(h.counts(), h.belowRange(), h.aboveRange(), h.probabilities(),
        new ImageFit(f.a(), f.b(), f.rSquared()), activity, energy));
  }

  /**
   * Adds the images of another pool of the same dictionary, measure and binning to this one; {@code other}
   * is left as it is. The result does not depend on the order of merges (see the class comment).
   *
   * @param other a pool of other images
   * @return this pool
   * @throws IllegalArgumentException if the pools are of different dictionaries, measures or binnings, or
   *     share an image index
   */
  public CoefficientPool merge(CoefficientPool other) {
    String why = incompatibility(other);
    if (why != null) {
      throw new IllegalArgumentException("cannot merge coefficient pools: " + why);
    }
    for (Integer i : other.images.keySet()) {
      if (images.containsKey(i)) {
        throw new IllegalArgumentException("cannot merge coefficient pools: both hold image " + i
            + "; pool each image once");
      }
    }
    images.putAll(other.images);
    return this;
  }

  /** Why {@code other} cannot merge into this pool, or null. */
  private String incompatibility(CoefficientPool other) {
    if (other.measure != measure) {
      return "one sums orientation activity as " + measure + ", the other as " + other.measure;
    }
    if (other.kernels != kernels || other.kernelSize != kernelSize || other.fingerprint != fingerprint) {
      return "they pool the codes of different dictionaries (" + kernels + " kernels of " + kernelSize + "x"
          + kernelSize + ", fingerprint " + Long.toHexString(fingerprint) + " against " + other.kernels
          + " kernels of " + other.kernelSize + "x" + other.kernelSize + ", fingerprint "
          + Long.toHexString(other.fingerprint) + ")";
    }
    if (!Arrays.equals(other.bThetas, bThetas) || !Arrays.deepEquals(other.thetas, thetas)) {
      return "their orientation groups (B_θ, θ) differ";
    }
    return null;
  }

  /**
   * The images below {@code end}, as a new pool (sharing the immutable contributions); this pool is unchanged.
   * A resumed run keeps the images it will not code again.
   *
   * @param end the first index left out
   * @return the pool of the images with index &lt; end
   */
  public CoefficientPool before(int end) {
    CoefficientPool p = new CoefficientPool(measure, kernels, kernelSize, fingerprint, bThetas, thetas);
    p.images.putAll(images.headMap(end));
    return p;
  }

  /**
   * The same images under indices moved by {@code offset}, as a new pool (sharing the immutable contributions);
   * this pool is unchanged. A pool of a block of a run's images, indexed from 0 within the block, takes the
   * block's first index in the run before it merges with the other blocks'.
   *
   * @param offset added to every image index
   * @return the moved pool
   * @throws IllegalArgumentException if an index would become negative
   */
  public CoefficientPool shifted(int offset) {
    CoefficientPool p = new CoefficientPool(measure, kernels, kernelSize, fingerprint, bThetas, thetas);
    for (Map.Entry<Integer, Contribution> e : images.entrySet()) {
      int to = e.getKey() + offset;
      if (to < 0) {
        throw new IllegalArgumentException("coefficient pool: image " + e.getKey() + " shifted by " + offset
            + " has a negative index");
      }
      p.images.put(to, e.getValue());
    }
    return p;
  }

  /**
   * Whether this pool may merge with {@code other}: same dictionary, measure and binning.
   *
   * @param other another pool
   * @return {@code true} when {@link #merge} would accept it (image indices aside)
   */
  public boolean compatibleWith(CoefficientPool other) {
    return incompatibility(other) == null;
  }

  // ---- what was pooled

  /**
   * Number of images pooled.
   *
   * @return the count
   */
  public int size() {
    return images.size();
  }

  /**
   * Whether no image is pooled.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return images.isEmpty();
  }

  /**
   * The indices of the pooled images.
   *
   * @return the indices, increasing
   */
  public int[] images() {
    return images.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether the orientation statistics are pooled (every kernel of the dictionary carries θ and B_θ).
   *
   * @return {@code true} for log-Gabor dictionaries
   */
  public boolean orientation() {
    return bThetas.length > 0;
  }

  /**
   * What the orientation activity sums.
   *
   * @return the measure
   */
  public Measure measure() {
    return measure;
  }

  /**
   * The B_θ of the groups, increasing; empty without orientation statistics.
   *
   * @return a copy of the bandwidths, radians
   */
  public double[] bThetas() {
    return bThetas.clone();
  }

  // ---- histogram totals

  /**
   * The pooled histogram: the counts of all images added, as {@link CoefficientHistogram#pooled} of their
   * codes counts them, with its probabilities and its exponential fit.
   *
   * @return the pooled histogram (all counts 0 for an empty pool)
   */
  public CoefficientHistogram histogram() {
    long[] c = new long[BINS];
    long below = 0;
    long above = 0;
    for (Contribution x : images.values()) {
      for (int i = 0; i < BINS; i++) {
        c[i] += x.counts[i];
      }
      below += x.below;
      above += x.above;
    }
    return CoefficientHistogram.ofCounts(c, below, above);
  }

  /**
   * The mean over the images that counted any coefficient of each image's probabilities, summed in image
   * order.
   *
   * @return 65 values, all NaN when no image counted a coefficient
   */
  public double[] meanImageProbabilities() {
    double[] sum = new double[BINS];
    int counted = 0;
    for (Contribution x : images.values()) {
      for (int i = 0; i < BINS; i++) {
        sum[i] += x.probabilities[i];
      }
      if (Arrays.stream(x.counts).anyMatch(c -> c > 0)) {
        counted++;
      }
    }
    for (int i = 0; i < BINS; i++) {
      sum[i] = counted > 0 ? sum[i] / counted : Double.NaN;
    }
    return sum;
  }

  /**
   * Each image's own fit, in image order.
   *
   * @return the fits
   */
  public List<ImageFit> imageFits() {
    return images.values().stream().map(Contribution::fit).toList();
  }

  // ---- orientation totals

  /**
   * The pooled activity per B_θ: per group the activities and energies of the images added in image order.
   *
   * @return the groups in increasing B_θ; empty without orientation statistics
   */
  public List<OrientationActivity.Group> groups() {
    double[] activity = new double[cells()];
    double[] energy = new double[bThetas.length];
    for (Contribution x : images.values()) {
      for (int i = 0; i < activity.length; i++) {
        activity[i] += x.activity[i];
      }
      for (int g = 0; g < energy.length; g++) {
        energy[g] += x.energy[g];
      }
    }
    List<OrientationActivity.Group> groups = new ArrayList<>();
    int at = 0;
    for (int g = 0; g < bThetas.length; g++) {
      groups.add(new OrientationActivity.Group(bThetas[g], thetas[g].clone(),
          Arrays.copyOfRange(activity, at, at + thetas[g].length), energy[g]));
      at += thetas[g].length;
    }
    return groups;
  }

  /**
   * Each group's share of the pooled energy (the groups' energies over their sum, added in group order).
   *
   * @return one share per group; all 0 when there is no energy
   */
  public double[] energyFractions() {
    List<OrientationActivity.Group> groups = groups();
    double total = 0;
    for (OrientationActivity.Group g : groups) {
      total += g.energy();
    }
    double[] f = new double[groups.size()];
    for (int g = 0; g < f.length; g++) {
      f[g] = total > 0 ? groups.get(g).energy() / total : 0;
    }
    return f;
  }

  private int cells() {
    int n = 0;
    for (double[] t : thetas) {
      n += t.length;
    }
    return n;
  }

  // ---- saving and restoring

  /**
   * The pool as arrays (every value as a float64, integers below 2⁵³ exact), to save as a {@code .npz}
   * archive: {@code layout} (format, measure, kernels, kernel size, fingerprint halves, bins, low, high),
   * {@code b_thetas}, {@code group_sizes}, {@code thetas}, and per image (rows in index order)
   * {@code images}, {@code counts}, {@code range} (below, above), {@code probabilities}, {@code fits}
   * (a, b, R²), {@code activity} and {@code energy}.
   *
   * @return the arrays by name
   */
  public Map<String, NpyArray> toArrays() {
    int n = images.size();
    int cells = cells();
    int groups = bThetas.length;
    double[] sizes = new double[groups];
    double[] flatThetas = new double[cells];
    int at = 0;
    for (int g = 0; g < groups; g++) {
      sizes[g] = thetas[g].length;
      System.arraycopy(thetas[g], 0, flatThetas, at, thetas[g].length);
      at += thetas[g].length;
    }
    double[] index = new double[n];
    double[] counts = new double[n * BINS];
    double[] range = new double[n * 2];
    double[] probabilities = new double[n * BINS];
    double[] fits = new double[n * 3];
    double[] activity = new double[n * cells];
    double[] energy = new double[n * groups];
    int r = 0;
    for (Map.Entry<Integer, Contribution> e : images.entrySet()) {
      Contribution x = e.getValue();
      index[r] = e.getKey();
      for (int i = 0; i < BINS; i++) {
        counts[r * BINS + i] = x.counts[i];
      }
      System.arraycopy(x.probabilities, 0, probabilities, r * BINS, BINS);
      range[2 * r] = x.below;
      range[2 * r + 1] = x.above;
      fits[3 * r] = x.fit.a();
      fits[3 * r + 1] = x.fit.b();
      fits[3 * r + 2] = x.fit.rSquared();
      System.arraycopy(x.activity, 0, activity, r * cells, cells);
      System.arraycopy(x.energy, 0, energy, r * groups, groups);
      r++;
    }
    Map<String, NpyArray> a = new LinkedHashMap<>();
    a.put("layout", NpyArray.of(new double[] {FORMAT, measure.ordinal(), kernels, kernelSize,
        fingerprint >>> 32, fingerprint & 0xffffffffL, BINS, CoefficientHistogram.LOW, CoefficientHistogram.HIGH},
        9));
    a.put("b_thetas", NpyArray.of(bThetas.clone(), groups));
    a.put("group_sizes", NpyArray.of(sizes, groups));
    a.put("thetas", NpyArray.of(flatThetas, cells));
    a.put("images", NpyArray.of(index, n));
    a.put("counts", NpyArray.of(counts, n, BINS));
    a.put("range", NpyArray.of(range, n, 2));
    a.put("probabilities", NpyArray.of(probabilities, n, BINS));
    a.put("fits", NpyArray.of(fits, n, 3));
    a.put("activity", NpyArray.of(activity, n, cells));
    a.put("energy", NpyArray.of(energy, n, groups));
    return a;
  }

  /**
   * The pool {@link #toArrays} saved.
   *
   * @param arrays the arrays by name
   * @param source what they were read from, for the messages (a file name)
   * @return the pool, equal value for value to the saved one
   * @throws IllegalArgumentException naming {@code source} and the array when an array is missing or of
   *     another shape, or the layout is of another format or binning
   */
  public static CoefficientPool fromArrays(Map<String, NpyArray> arrays, String source) {
    double[] layout = array(arrays, source, "layout", 9);
    if (layout[0] != FORMAT) {
      throw new IllegalArgumentException(source + ": coefficient pool of format " + layout[0] + ", this version "
          + "reads format " + FORMAT);
    }
    if (layout[6] != BINS || layout[7] != CoefficientHistogram.LOW || layout[8] != CoefficientHistogram.HIGH) {
      throw new IllegalArgumentException(source + ": coefficient pool binned in " + layout[6] + " bins on ["
          + layout[7] + ", " + layout[8] + "], this version bins in " + BINS + " on [" + CoefficientHistogram.LOW
          + ", " + CoefficientHistogram.HIGH + "]");
    }
    int m = (int) layout[1];
    if (m < 0 || m >= Measure.values().length || m != layout[1]) {
      throw new IllegalArgumentException(source + ": coefficient pool: unknown measure " + layout[1]);
    }
    double[] b = array(arrays, source, "b_thetas", -1);
    double[] sizes = array(arrays, source, "group_sizes", b.length);
    double[] flat = array(arrays, source, "thetas", -1);
    double[][] t = new double[b.length][];
    int at = 0;
    for (int g = 0; g < b.length; g++) {
      int s = (int) sizes[g];
      if (s < 0 || at + s > flat.length) {
        throw new IllegalArgumentException(source + ": coefficient pool: group_sizes do not match thetas");
      }
      t[g] = Arrays.copyOfRange(flat, at, at + s);
      at += s;
    }
    if (at != flat.length) {
      throw new IllegalArgumentException(source + ": coefficient pool: group_sizes do not match thetas");
    }
    long fp = ((long) layout[4] << 32) | (long) layout[5];
    CoefficientPool p = new CoefficientPool(Measure.values()[m], (int) layout[2], (int) layout[3], fp, b, t);
    double[] index = array(arrays, source, "images", -1);
    int n = index.length;
    int cells = flat.length;
    double[] counts = array(arrays, source, "counts", n * BINS);
    double[] range = array(arrays, source, "range", n * 2);
    double[] probabilities = array(arrays, source, "probabilities", n * BINS);
    double[] fits = array(arrays, source, "fits", n * 3);
    double[] activity = array(arrays, source, "activity", n * cells);
    double[] energy = array(arrays, source, "energy", n * b.length);
    for (int r = 0; r < n; r++) {
      long[] c = new long[BINS];
      for (int i = 0; i < BINS; i++) {
        c[i] = (long) counts[r * BINS + i];
      }
      Contribution x = new Contribution(c, (long) range[2 * r], (long) range[2 * r + 1],
          Arrays.copyOfRange(probabilities, r * BINS, (r + 1) * BINS),
          new ImageFit(fits[3 * r], fits[3 * r + 1], fits[3 * r + 2]),
          Arrays.copyOfRange(activity, r * cells, (r + 1) * cells),
          Arrays.copyOfRange(energy, r * b.length, (r + 1) * b.length));
      int i = (int) index[r];
      if (i < 0 || i != index[r] || p.images.put(i, x) != null) {
        throw new IllegalArgumentException(source + ": coefficient pool: bad or repeated image index " + index[r]);
      }
    }
    return p;
  }

  /** The values of one array, checked to hold {@code length} values (any when negative). */
  private static double[] array(Map<String, NpyArray> arrays, String source, String name, int length) {
    NpyArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException(source + ": coefficient pool: array '" + name + "' is missing");
    }
    if (length >= 0 && a.data().length != length) {
      throw new IllegalArgumentException(source + ": coefficient pool: array '" + name + "' holds "
          + a.data().length + " values, expected " + length);
    }
    return a.data();
  }

  /** A 64-bit fingerprint of a dictionary's shape, kernel values and kernel parameters (FNV-1a over bits). */
  private static long fingerprint(Dictionary d) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, d.size());
    h = mix(h, d.count());
    for (double v : d.kernels()) {
      h = mix(h, Double.doubleToLongBits(v));
    }
    for (KernelInfo k : d.info()) {
      for (double v : new double[] {k.theta(), k.bTheta(), k.phase(), k.sf0(), k.bsf()}) {
        h = mix(h, Double.doubleToLongBits(v));
      }
    }
    return h;
  }

  private static long mix(long h, long v) {
    for (int i = 0; i < 8; i++) {
      h ^= (v >>> (8 * i)) & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CoefficientPool p) || !compatibleWith(p) || !p.images.keySet().equals(images.keySet())) {
      return false;
    }
    for (Map.Entry<Integer, Contribution> e : images.entrySet()) {
      Contribution x = e.getValue();
      Contribution y = p.images.get(e.getKey());
      if (!Arrays.equals(x.counts, y.counts) || x.below != y.below || x.above != y.above
          || !Arrays.equals(x.probabilities, y.probabilities) || !x.fit.equals(y.fit)
          || !Arrays.equals(x.activity, y.activity) || !Arrays.equals(x.energy, y.energy)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fingerprint) * 31 + images.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "CoefficientPool[" + images.size() + " images, " + kernels + " kernels, " + measure + "]";
  }
}
