/**
 * The {@code sparsecode} command line (picocli): {@code run}, {@code validate}, {@code plugins}. Errors
 * print {@code error: <message>} on standard error without a stack trace (with it under {@code
 * --verbose}) and exit with {@link org.sparsecode.experiments.cli.SparsecodeCli#CONFIG_ERROR} for
 * configuration errors and {@link org.sparsecode.experiments.cli.SparsecodeCli#RUNTIME_ERROR} otherwise.
 */
package org.sparsecode.experiments.cli;
