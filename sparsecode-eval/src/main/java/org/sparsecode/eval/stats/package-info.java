/**
 * Statistics between scenarios: {@link org.sparsecode.eval.stats.ScenarioComparison}
 * compares two samples of per-image values (Mann–Whitney U, paired Wilcoxon signed-rank, rank-biserial
 * effect sizes, seeded percentile-bootstrap CI of the median difference) and
 * {@link org.sparsecode.eval.stats.MedianCi} gives one sample's median with its bootstrap CI. Pure
 * functions of {@code double[]}; the tests themselves come from Commons Math.
 */
package org.sparsecode.eval.stats;
