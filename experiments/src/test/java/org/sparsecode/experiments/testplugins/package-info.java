/** Small deterministic plugins registered for the experiments module's tests only. */
package org.sparsecode.experiments.testplugins;
