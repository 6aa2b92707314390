/**
 * Running a {@code sweep:} block: every cell as a run directory of its own under {@code DIR/cells/<hash>/}
 * (finished cells are reused), cells in parallel on a bounded pool, and the tables, plots and report that
 * gather them.
 */
package org.sparsecode.experiments.sweep;
