package org.sparsecode.core.image;

/** The settings of a preprocessing step that has none ({@code center-crop}, {@code grey}, {@code none}). */
public record NoSettings() {}
