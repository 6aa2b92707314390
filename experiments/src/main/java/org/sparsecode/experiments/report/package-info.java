/**
 * The HTML reports of a run: {@link org.sparsecode.experiments.report.RunReport} writes
 * {@code DIR/report.html} next to every {@code results.json}, {@link org.sparsecode.experiments.report.PlanReport}
 * the page of a file with variants (scenarios, statistical tests, resilience, one section per variant and per
 * part), {@link org.sparsecode.experiments.report.DownstreamReport} the page of a file that trains a classifier
 * (accuracy, paired comparisons in tables and sentences, learning curves, confusion matrix). Each page is
 * self-contained: the stylesheet is inline, every PNG it shows is embedded as a {@code data:} URI, and nothing is
 * fetched from the network, so the file can be mailed or archived alone.
 *
 * <p>The pages are built from the files on disk only ({@code results.json}, {@code config.yaml},
 * {@code comparison.json}, {@code summary.json}, {@code accuracy.csv}, {@code paired.csv}, {@code *.png}), so
 * they show whatever the run wrote before them, and they never fail a run: a report that cannot be written is a
 * warning.
 */
package org.sparsecode.experiments.report;
