/**
 * The basic metric plugins: {@code psnr}, {@code mse}, {@code sparseness}, {@code l0}, {@code l1} and
 * {@code objective}. Each is a {@link org.sparsecode.api.Plugin} of role {@link
 * org.sparsecode.api.metric.Metric} with no settings ({@link org.sparsecode.core.plugin.NoSettings}); the
 * plugin's name is the column name in {@code results.json} and {@code metrics.csv}. The formulas live in
 * {@link org.sparsecode.eval.metric.Measures}.
 */
package org.sparsecode.eval.metric;
