package org.sparsecode.core.kernel;

import java.util.List;
import java.util.Map;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code log-gabor} kernel generator ({@link LogGaborPlugin}): a dictionary of every
 * combination of orientation θ, orientation bandwidth B_θ and phase, at one peak frequency and radial
 * bandwidth, in the atom order θ, then B_θ, then phase (the paper's {@code generate_dicos}).
 *
 * <p>The angle lists accept the forms of {@link AngleList}: an integer {@code n} (θ and phase only:
 * {@code linspace(0, π, n, endpoint=False)}), a list of radians, or {@code {linspace: [a, b, n],
 * dropFirst: true|false}} (includes b, as numpy). After construction the three lists are resolved to
 * {@code List<Double>} of radians, so that the record is the fully resolved configuration.
 *
 * <p>Presets (explicit keys override them): {@code thin} = the paper's homogeneous dictionary, 72 θ ×
 * B_θ = π/15 × 2 phases; {@code full} = the heterogeneous one, 12 θ × B_θ = kπ/36, k = 1..6 × 2 phases.
 *
 * <p>{@code normalise} scales each kernel after median centring: {@code peak} (max-abs 1, the paper's and
 * the default) or {@code unit-l2} (ℓ2 norm 1). It matters for comparing bandwidths: with peak 1 the
 * narrow-B_θ kernels have the largest ℓ2 norm, so one λ penalises the bandwidths unequally (a kernel of norm
 * c costs λ/c per unit of its contribution); see {@link LogGaborKernels.Normalisation}.
 *
 * @param preset {@code thin}, {@code full}, or {@code null} for none (then {@code thetas} and
 *     {@code bThetas} are required)
 * @param size kernel side in pixels, even and at least 2; default {@value #DEFAULT_SIZE}
 * @param sf0 peak spatial frequency sf_0 in cycles per pixel, in (0, 0.5]; default {@value #DEFAULT_SF0}
 * @param bsf radial (log-frequency) bandwidth B_sf, &gt; 0; default {@value #DEFAULT_BSF}
 * @param thetas orientations θ in radians (from the row axis); at least one; required without a preset
 * @param bThetas orientation bandwidths B_θ in radians, each &gt; 0; at least one; no count form;
 *     required without a preset
 * @param phases phases in radians; at least one; default {@value #DEFAULT_PHASES} (= [0, π/2])
 * @param normalise {@code peak} (median 0, max-abs 1) or {@code unit-l2} (median-centred, then ℓ2 norm 1);
 *     default {@value #DEFAULT_NORMALISE}
 */
public record LogGaborSettings(@Setting(oneOf = {"thin", "full"}) String preset, Integer size, Double sf0,
    Double bsf, @Setting(form = AngleList.FORM, unit = "rad") Object thetas,
    @Setting(form = AngleList.FORM_NO_COUNT, unit = "rad") Object bThetas,
    @Setting(form = AngleList.FORM, unit = "rad") Object phases,
    @Setting(oneOf = {"peak", "unit-l2"}) String normalise) {

  /** Default kernel side (the paper's 12×12). */
  public static final int DEFAULT_SIZE = 12;
  /** Default peak spatial frequency, cycles per pixel (hard-coded in the paper's generate_dicos). */
  public static final double DEFAULT_SF0 = 0.4;
  /** Default radial bandwidth (LogGabor's default_param.py). */
  public static final double DEFAULT_BSF = 0.4;
  /** Default number of phases: linspace(0, π, 2, endpoint=False) = [0, π/2]. */
  public static final int DEFAULT_PHASES = 2;
  /** Default normalisation: the paper's peak 1. */
  public static final String DEFAULT_NORMALISE = "peak";
  /** The accepted values of {@code normalise}. */
  public static final List<String> NORMALISATIONS = List.of("peak", "unit-l2");
  /** The preset names. */
  public static final List<String> PRESETS = List.of("thin", "full");
  /**
   * The most kernels a generated dictionary may hold (the paper's have 144): every kernel is a coefficient
   * map as large as an image, so a larger dictionary is a typo, not an experiment.
   */
  public static final int MAX_KERNELS = 100_000;

  /**
   * Applies the preset, fills defaults, resolves the angle lists and validates.
   *
   * @throws ConfigException naming the key ({@code preset}, {@code normalise}, {@code size}, {@code sf0},
   *     {@code bsf}, {@code thetas}, {@code bThetas}, {@code phases}) of the first invalid value
   */
  public LogGaborSettings {
    if (preset != null) {
      switch (preset) {
        case "thin" -> {
          // code/main.py: N_theta_thin, N_Btheta_thin, N_phase_thin = 72, 1, 2 and
          // B_thetas_thin = linspace(max(B_thetas_full), 0, 1, endpoint=False) / 2.5 = [(pi/6)/2.5]
          thetas = thetas != null ? thetas : 72;
          bThetas = bThetas != null ? bThetas : List.of(Math.PI / 6 / 2.5);
          phases = phases != null ? phases : DEFAULT_PHASES;
        }
        case "full" -> {
          // 12 thetas, B_thetas = linspace(0, pi/6, 7)[1:], 2 phases
          thetas = thetas != null ? thetas : 12;
          bThetas = bThetas != null ? bThetas : Map.of("linspace", List.of(0.0, Math.PI / 6, 7), "dropFirst", true);
          phases = phases != null ? phases : DEFAULT_PHASES;
        }
        default -> throw new ConfigException("preset", "unknown preset '" + preset + "'; available: "
            + String.join(", ", PRESETS));
      }
    }
    normalise = normalise != null ? normalise : DEFAULT_NORMALISE;
    LogGaborKernels.Normalisation.of(normalise);
    size = size != null ? size : DEFAULT_SIZE;
    if (size > 4096) {
      throw new ConfigException("size", "must be an even number in [2, 4096], got " + size);
    }
    size = LogGaborKernels.checkSize(size);
    sf0 = sf0 != null ? sf0 : DEFAULT_SF0;
    if (!(sf0 > 0 && sf0 <= 0.5)) {
      throw new ConfigException("sf0", "must be in (0, 0.5] cycles per pixel, got " + sf0);
    }
    bsf = Checks.positive("bsf", bsf != null ? bsf : DEFAULT_BSF);
    if (thetas == null) {
      throw new ConfigException("thetas", "is required without a preset (preset: " + String.join(" | ", PRESETS)
          + "); e.g. thetas: 12");
    }
    if (bThetas == null) {
      throw new ConfigException("bThetas", "is required without a preset (preset: "
          + String.join(" | ", PRESETS) + "); e.g. bThetas: [0.2094]");
    }
    double[] t = AngleList.parse("thetas", thetas, true);
    double[] b = AngleList.parse("bThetas", bThetas, false);
    for (int i = 0; i < b.length; i++) {
      if (!(b[i] > 0)) {
        throw new ConfigException("bThetas", "every bandwidth must be > 0 radians, got " + b[i]
            + (b.length > 1 ? " at index " + i : ""));
      }
    }
    double[] ph = AngleList.parse("phases", phases != null ? phases : DEFAULT_PHASES, true);
    long kernels = (long) t.length * b.length * ph.length;
    if (kernels > MAX_KERNELS) {
      throw new ConfigException("thetas", t.length + " thetas x " + b.length + " bThetas x " + ph.length
          + " phases make " + kernels + " kernels; a dictionary may hold at most " + MAX_KERNELS);
    }
    long values = kernels * size * size;
    if (values > Integer.MAX_VALUE - 8) {
      throw new ConfigException("thetas", t.length + " x " + b.length + " x " + ph.length + " kernels of "
          + size + "x" + size + " do not fit in one array");
    }
    thetas = AngleList.toList(t);
    bThetas = AngleList.toList(b);
    phases = AngleList.toList(ph);
  }

  /**
   * Settings with the paper's peak normalisation (the other components as in the canonical constructor).
   *
   * @param preset see the record's components
   * @param size see the record's components
   * @param sf0 see the record's components
   * @param bsf see the record's components
   * @param thetas see the record's components
   * @param bThetas see the record's components
   * @param phases see the record's components
   * @throws ConfigException as the canonical constructor
   */
  public LogGaborSettings(String preset, Integer size, Double sf0, Double bsf, Object thetas, Object bThetas,
      Object phases) {
    this(preset, size, sf0, bsf, thetas, bThetas, phases, null);
  }

  /**
   * The settings of a preset with nothing overridden.
   *
   * @param preset {@code thin} or {@code full}
   * @return the resolved settings
   */
  public static LogGaborSettings preset(String preset) {
    return new LogGaborSettings(preset, null, null, null, null, null, null, null);
  }

  /**
   * The resolved normalisation.
   *
   * @return {@link LogGaborKernels.Normalisation#PEAK} or {@link LogGaborKernels.Normalisation#UNIT_L2}
   */
  public LogGaborKernels.Normalisation normalisation() {
    return LogGaborKernels.Normalisation.of(normalise);
  }

  /**
   * The resolved orientations.
   *
   * @return θ in radians
   */
  public double[] thetaValues() {
    return values(thetas);
  }

  /**
   * The resolved orientation bandwidths.
   *
   * @return B_θ in radians
   */
  public double[] bThetaValues() {
    return values(bThetas);
  }

  /**
   * The resolved phases.
   *
   * @return phases in radians
   */
  public double[] phaseValues() {
    return values(phases);
  }

  /**
   * The number of kernels.
   *
   * @return |θ| · |B_θ| · |phase|
   */
  public int count() {
    return ((List<?>) thetas).size() * ((List<?>) bThetas).size() * ((List<?>) phases).size();
  }

  private static double[] values(Object resolved) {
    List<?> list = (List<?>) resolved;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).doubleValue();
    }
    return out;
  }
}
