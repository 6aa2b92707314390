package org.sparsecode.api;

/**
 * A named, configurable factory of one role, discovered with {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/org.sparsecode.api.Plugin} file in any jar on the class path.
 *
 * <p>Laws: {@link #name()} is stable, kebab-case and unique within a role (it is the YAML {@code type:});
 * {@link #settings()} is an immutable record whose compact constructor fills defaults for {@code null}
 * components and rejects invalid values with a {@link ConfigException} naming the key; {@link
 * #create(Record, PluginContext)} accepts exactly an instance of {@link #settings()}.
 *
 * <p>A plugin that uses another plugin (a learner and the solver that codes its images) takes it as a block
 * inside its own: a settings component holding the block as written, marked {@link PluginBlock} with the role
 * it names. The loader then binds and validates that block when the file is read, as it does a top-level one,
 * so its mistakes are reported with file, line, column and the whole key path ({@code learning.solver.lambda});
 * the plugin binds it again in {@code create}, for records built in Java.
 *
 * @param <T> the role this plugin creates, e.g. {@code SparseSolver}
 */
public interface Plugin<T> {

  /**
   * The name used as {@code type:} in YAML, e.g. {@code "cbpdn-admm"}.
   *
   * @return a kebab-case name, unique within the role
   */
  String name();

  /**
   * The role this plugin fills.
   *
   * @return the SPI interface, e.g. {@code SparseSolver.class}
   */
  Class<T> role();

  /**
   * The settings record bound from the YAML block of this plugin (every key but {@code type}).
   * Components left out of the YAML arrive as {@code null} and the compact constructor replaces them by
   * their defaults; a record whose every component may be {@code null} has defaults for all.
   *
   * @return the settings record class
   */
  Class<? extends Record> settings();

  /**
   * Creates a configured instance.
   *
   * @param settings an instance of {@link #settings()}
   * @param context the services shared by the run (seed, precision, threads, base directory)
   * @return a ready instance of the role
   * @throws ConfigException when the settings are invalid in a way only visible at creation (a missing
   *     file, say)
   */
  T create(Record settings, PluginContext context);

  /**
   * One line for {@code sparsecode plugins} and for error messages that list the available names.
   *
   * @return a short human description
   */
  default String description() {
    return "";
  }
}
