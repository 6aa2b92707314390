package org.sparsecode.core.plugin;

/**
 * The settings of a plugin that has none: its YAML block accepts no key but {@code type}, and a bare name
 * (e.g. {@code metrics: [psnr]}) means the same.
 */
public record NoSettings() {}
