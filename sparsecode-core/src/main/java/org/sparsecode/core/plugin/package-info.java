/** The plugin registry: {@link java.util.ServiceLoader} discovery, lookup by role and name. */
package org.sparsecode.core.plugin;
