/** Dictionary learning. */
package org.sparsecode.api.learning;
