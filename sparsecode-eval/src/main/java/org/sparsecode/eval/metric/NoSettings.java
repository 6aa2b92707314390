package org.sparsecode.eval.metric;

/**
 * The settings of a metric that has none: a YAML block such as {@code {type: psnr}} accepts no other key,
 * and a bare name ({@code metrics: [psnr]}) means the same.
 */
public record NoSettings() {}
