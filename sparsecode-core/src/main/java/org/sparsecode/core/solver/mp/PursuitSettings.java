package org.sparsecode.core.solver.mp;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the greedy pursuits {@code matching-pursuit} and {@code omp}: when to stop selecting atoms.
 * The solve stops at the first rule met; every component may be null (YAML key left out) and then takes
 * its default.
 *
 * @param maxAtoms the number of atoms to select at most (the iteration limit), at least 1 and at most the
 *     number of coefficients {@code K·H·W} of the coded image (checked at solve time); default
 *     {@value #DEFAULT_MAX_ATOMS}
 * @param residualFraction stop when the residual energy fraction {@code ‖r‖² / ‖s‖²} is at most this, in
 *     [0, 1]; 0 (the default) turns the rule off except for an exactly zero residual
 * @param minCoefficient stop when the next atom's coefficient for the unit-norm kernel (its correlation
 *     with the residual) has magnitude below this, {@code ≥ 0}; 0 (the default) turns the rule off
 */
public record PursuitSettings(Integer maxAtoms, Double residualFraction, Double minCoefficient) {

  /** Default atom limit. */
  public static final int DEFAULT_MAX_ATOMS = 1000;
  /** The most atoms: the pursuit reserves room for them, so a typo such as 1e12 is caught at load time. */
  public static final int MAX_ATOMS = 10_000_000;
  /** Default residual energy fraction (off). */
  public static final double DEFAULT_RESIDUAL_FRACTION = 0.0;
  /** Default coefficient threshold (off). */
  public static final double DEFAULT_MIN_COEFFICIENT = 0.0;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an out-of-range value
   */
  public PursuitSettings {
    maxAtoms = Checks.atLeast("maxAtoms", maxAtoms != null ? maxAtoms : DEFAULT_MAX_ATOMS, 1);
    if (maxAtoms > MAX_ATOMS) {
      throw new ConfigException("maxAtoms", "must be in [1, " + MAX_ATOMS + "], got " + maxAtoms);
    }
    residualFraction = residualFraction != null ? residualFraction : DEFAULT_RESIDUAL_FRACTION;
    if (!(residualFraction >= 0 && residualFraction <= 1)) {
      throw new ConfigException("residualFraction", "must be in [0, 1], got " + residualFraction);
    }
    minCoefficient = Checks.nonNegative("minCoefficient",
        minCoefficient != null ? minCoefficient : DEFAULT_MIN_COEFFICIENT);
  }

  /**
   * The defaults.
   *
   * @return {@value #DEFAULT_MAX_ATOMS} atoms, no other rule
   */
  public static PursuitSettings defaults() {
    return new PursuitSettings(null, null, null);
  }

  /**
   * A fixed number of atoms, no other rule.
   *
   * @param atoms the atom limit, at least 1
   * @return the settings
   */
  public static PursuitSettings atoms(int atoms) {
    return new PursuitSettings(atoms, null, null);
  }
}
