package org.sparsecode.experiments.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of a {@link Sweep}: the experiment (or one variant of it) with one value of every axis set at its
 * key path, bound and validated like any experiment.
 *
 * @param name the readable name: {@code path=value} for every axis path in axis order, joined by {@code ,}
 *     ({@code solver.lambda=0.001,dictionary.bThetas=[0.087, 0.175]}), values as compact YAML flow
 *     ({@link Sweep#flow}); {@value Sweep#NO_AXES} when the sweep has no axis but {@code seeds:}. The variant and
 *     the seed are not part of it: cells of one name differ only by them
 * @param variant the variant the cell belongs to, or {@code null} when the file has no {@code variants:}
 * @param seed the cell's seed when the sweep has {@code seeds:} (the experiment's seed plus the replicate,
 *     from 0), else {@code null}
 * @param values every axis path's value in this cell, plain (maps, lists, scalars), keyed by the path's text
 *     in axis order
 * @param config the resolved experiment
 * @param hash the SHA-256 of the resolved configuration alone ({@code Json.sha256(config.resolved())}, the
 *     {@code configSha256} of results.json): equal for equal configurations, whatever the grid around them
 */
public record SweepCell(String name, String variant, Long seed, Map<String, Object> values,
    ExperimentConfig config, String hash) {

  /**
   * Copies the values.
   *
   * @param name the readable name
   * @param variant the variant, or {@code null}
   * @param seed the replicate's seed, or {@code null}
   * @param values the axis values by key path
   * @param config the resolved experiment
   * @param hash the hash of the resolved configuration
   */
  public SweepCell {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hash, "hash");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * How messages name the cell: {@code 'solver.lambda=0.001'}, with the variant and seed when there are.
   *
   * @return the label
   */
  public String label() {
    return "'" + name + "'" + (variant == null ? "" : " of variant '" + variant + "'")
        + (seed == null ? "" : " with seed " + seed);
  }
}
