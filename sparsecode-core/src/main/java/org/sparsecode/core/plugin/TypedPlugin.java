package org.sparsecode.core.plugin;

import java.util.Objects;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;

/**
 * A base for plugins whose settings are one record type: it holds the name, role, settings class and
 * description given to the constructor, and checks the type of the settings handed to {@link
 * #create(Record, PluginContext)} before passing them, typed, to {@link #build(Record, PluginContext)}.
 *
 * <p>A subclass keeps the public no-arg constructor that {@link java.util.ServiceLoader} needs and calls
 * {@link #TypedPlugin(String, Class, Class, String)} from it:
 *
 * <pre>{@code
 * public final class GreyPlugin extends TypedPlugin<ImagePreprocessor, NoSettings> {
 *   public GreyPlugin() {
 *     super("grey", ImagePreprocessor.class, NoSettings.class, "identity on grey images");
 *   }
 *
 *   protected ImagePreprocessor build(NoSettings settings, PluginContext context) {
 *     return new Grey();
 *   }
 * }
 * }</pre>
 *
 * @param <T> the role this plugin creates, e.g. {@code SparseSolver}
 * @param <S> the settings record, {@link NoSettings} for a plugin without settings
 */
public abstract class TypedPlugin<T, S extends Record> implements Plugin<T> {
  private final String name;
  private final Class<T> role;
  private final Class<S> settingsType;
  private final String description;

  /**
   * Creates the plugin.
   *
   * @param name the YAML {@code type:}, kebab-case and unique within the role
   * @param role the SPI interface this plugin fills, e.g. {@code SparseSolver.class}
   * @param settingsType the settings record class bound from the plugin's YAML block
   * @param description one line for {@code sparsecode plugins} and error messages
   * @throws NullPointerException if any argument is {@code null}
   */
  protected TypedPlugin(String name, Class<T> role, Class<S> settingsType, String description) {
    this.name = Objects.requireNonNull(name, "name");
    this.role = Objects.requireNonNull(role, "role");
    this.settingsType = Objects.requireNonNull(settingsType, "settingsType");
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Class<T> role() {
    return role;
  }

  @Override
  public final Class<S> settings() {
    return settingsType;
  }

  @Override
  public final String description() {
    return description;
  }

  /**
   * Checks the settings' type and builds the instance with {@link #build(Record, PluginContext)}.
   *
   * @param settings an instance of {@link #settings()}
   * @param context the services shared by the run
   * @return a ready instance of the role
   * @throws ConfigException on key {@code type} when {@code settings} is {@code null} or not an instance of
   *     {@link #settings()}, and whatever {@link #build(Record, PluginContext)} throws
   */
  @Override
  public final T create(Record settings, PluginContext context) {
    if (!settingsType.isInstance(settings)) {
      throw new ConfigException("type", name + " expects " + settingsType.getSimpleName() + ", got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return build(settingsType.cast(settings), context);
  }

  /**
   * Creates a configured instance from settings of the right type.
   *
   * @param settings the settings, never {@code null}
   * @param context the services shared by the run (seed, precision, threads, base directory)
   * @return a ready instance of the role
   * @throws ConfigException when the settings are invalid in a way only visible at creation (a missing
   *     file, say)
   */
  protected abstract T build(S settings, PluginContext context);
}
