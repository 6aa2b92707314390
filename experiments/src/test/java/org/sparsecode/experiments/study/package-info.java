/** Tests of the paper's study files (experiments/paper/). */
package org.sparsecode.experiments.study;
