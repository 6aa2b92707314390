package org.sparsecode.learning.refit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the log-Gabor re-fit ({@link LogGaborRefit}). Every component may be null and then takes its
 * default.
 *
 * @param fitFrequency whether sf_0 and B_sf are fitted too ({@code true}) or held at {@code sf0} and
 *     {@code bsf} ({@code false}); default {@value #DEFAULT_FIT_FREQUENCY}
 * @param sf0 the peak spatial frequency in cycles per pixel, in (0, 0.5]: the fixed value, or the start of
 *     the fit when {@code fitFrequency}; default {@value #DEFAULT_SF0} (the paper's dictionaries)
 * @param bsf the radial bandwidth B_sf, {@code > 0}: fixed value or start; default {@value #DEFAULT_BSF}
 * @param thetaGrid number of orientations of the starting grid search, evenly spaced in [0, π), at least 4;
 *     default {@value #DEFAULT_THETA_GRID}
 * @param bThetaGrid number of B_θ values of the starting grid, log-spaced in [{@value #GRID_BTHETA_MIN},
 *     {@value #GRID_BTHETA_MAX}] radians, at least 2; default {@value #DEFAULT_BTHETA_GRID}
 * @param thetaBins number n of θ bins of the histogram, centred on {@code i·π/n}, at least 1; default
 *     {@value #DEFAULT_THETA_BINS} (15° bins centred on the paper's orientations)
 * @param bThetaEdges the increasing B_θ bin edges of the histogram, in radians, at least two values, the first
 *     {@code ≥ 0}; atoms past the last edge fall in an overflow bin; default {@link #defaultBThetaEdges()}
 *     (bins centred on the paper's B_θ = kπ/36, k = 1..6)
 * @param minR2 atoms whose R² is below this are reported but left out of the histogram, in [0, 1]; default
 *     {@value #DEFAULT_MIN_R2}
 */
public record RefitSettings(Boolean fitFrequency, Double sf0, Double bsf, Integer thetaGrid, Integer bThetaGrid,
    Integer thetaBins, List<Double> bThetaEdges, Double minR2) {

  /** Default: sf_0 and B_sf fixed. */
  public static final boolean DEFAULT_FIT_FREQUENCY = false;
  /** Default sf_0: the paper's dictionaries (generate_dicos). */
  public static final double DEFAULT_SF0 = 0.4;
  /** Default B_sf: LogGabor's default_param.py. */
  public static final double DEFAULT_BSF = 0.4;
  /** Default number of grid orientations. */
  public static final int DEFAULT_THETA_GRID = 24;
  /** Default number of grid bandwidths. */
  public static final int DEFAULT_BTHETA_GRID = 8;
  /** Default number of histogram θ bins. */
  public static final int DEFAULT_THETA_BINS = 12;
  /** Default minimum R² for the histogram. */
  public static final double DEFAULT_MIN_R2 = 0.5;
  /** Smallest B_θ of the starting grid, radians. */
  public static final double GRID_BTHETA_MIN = 0.05;
  /** Largest B_θ of the starting grid, radians. */
  public static final double GRID_BTHETA_MAX = 1.2;
  /** The finest orientation grid and histogram (a tenth of a degree). */
  public static final int MAX_THETA_GRID = 1800;
  /** The finest bandwidth grid. */
  public static final int MAX_BTHETA_GRID = 1000;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an invalid value
   */
  public RefitSettings {
    fitFrequency = fitFrequency != null ? fitFrequency : DEFAULT_FIT_FREQUENCY;
    sf0 = Checks.inRange("sf0", sf0 != null ? sf0 : DEFAULT_SF0, Double.MIN_VALUE, 0.5);
    bsf = Checks.positive("bsf", bsf != null ? bsf : DEFAULT_BSF);
    thetaGrid = Checks.atLeast("thetaGrid", thetaGrid != null ? thetaGrid : DEFAULT_THETA_GRID, 4);
    if (thetaGrid > MAX_THETA_GRID) {
      throw new ConfigException("thetaGrid", "must be in [4, " + MAX_THETA_GRID + "], got " + thetaGrid);
    }
    bThetaGrid = Checks.atLeast("bThetaGrid", bThetaGrid != null ? bThetaGrid : DEFAULT_BTHETA_GRID, 2);
    if (bThetaGrid > MAX_BTHETA_GRID) {
      throw new ConfigException("bThetaGrid", "must be in [2, " + MAX_BTHETA_GRID + "], got " + bThetaGrid);
    }
    thetaBins = Checks.atLeast("thetaBins", thetaBins != null ? thetaBins : DEFAULT_THETA_BINS, 1);
    if (thetaBins > MAX_THETA_GRID) {
      throw new ConfigException("thetaBins", "must be in [1, " + MAX_THETA_GRID + "], got " + thetaBins);
    }
    bThetaEdges = checkEdges(bThetaEdges != null ? bThetaEdges : defaultBThetaEdges());
    minR2 = Checks.inRange("minR2", minR2 != null ? minR2 : DEFAULT_MIN_R2, 0, 1);
  }

  /**
   * Every default.
   *
   * @return the default settings
   */
  public static RefitSettings defaults() {
    return new RefitSettings(null, null, null, null, null, null, null, null);
  }

  /**
   * The defaults with sf_0 and B_sf fitted or not.
   *
   * @param fitFrequency whether sf_0 and B_sf are fitted
   * @return the settings
   */
  public static RefitSettings withFitFrequency(boolean fitFrequency) {
    return new RefitSettings(fitFrequency, null, null, null, null, null, null, null);
  }

  /**
   * The default B_θ edges: {@code 0, π/72, 3π/72, …, 13π/72} (2.5°, 7.5°, …, 32.5°), so that the paper's
   * bandwidths kπ/36 (5°, …, 30°) fall in the middle of bins 1..6; bin 0 holds B_θ below 2.5°.
   *
   * @return 8 edges in radians
   */
  public static List<Double> defaultBThetaEdges() {
    List<Double> edges = new ArrayList<>();
    edges.add(0.0);
    for (int k = 1; k <= 13; k += 2) {
      edges.add(k * Math.PI / 72);
    }
    return Collections.unmodifiableList(edges);
  }

  private static List<Double> checkEdges(List<Double> edges) {
    if (edges.size() < 2) {
      throw new ConfigException("bThetaEdges", "needs at least 2 edges, got " + edges);
    }
    for (int i = 0; i < edges.size(); i++) {
      Double e = edges.get(i);
      if (e == null || !Double.isFinite(e) || e < 0 || (i > 0 && e <= edges.get(i - 1))) {
        throw new ConfigException("bThetaEdges", "must be finite, >= 0 and strictly increasing (radians), got "
            + edges);
      }
    }
    return List.copyOf(edges);
  }
}
