/**
 * Experiment files: YAML loading with located error messages ({@code FILE:LINE:COLUMN: key.path:
 * problem}), {@code --set} overrides, variants, and the plugin catalogue of {@code sparsecode plugins}.
 */
package org.sparsecode.experiments.config;
