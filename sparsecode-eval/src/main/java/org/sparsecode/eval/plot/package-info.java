/**
 * Plots of runs, drawn headless to PNG: {@link org.sparsecode.eval.plot.ScatterPlot} (PSNR against
 * sparseness, one series per variant), {@link org.sparsecode.eval.plot.SecondsChart} (solve time per image
 * per variant), {@link org.sparsecode.eval.plot.DictionaryTiles} (every kernel of a dictionary as a grid of
 * grey tiles) and {@link org.sparsecode.eval.plot.ReconstructionPanel} (image, reconstruction and residual
 * side by side). Charts use XChart; the image panels are plain {@link java.awt.image.BufferedImage}s.
 *
 * <p>Every class sets {@code java.awt.headless=true} before touching AWT (unless the property is already
 * set), so that plots draw on machines without a display (CI), and writes its PNG atomically (temporary file
 * and rename, {@link org.sparsecode.core.io.AtomicFiles}).
 */
package org.sparsecode.eval.plot;
