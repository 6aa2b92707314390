package org.sparsecode.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a settings record that is itself a plugin block: a map with a {@code type:} naming a
 * plugin of the role {@link #value()} and that plugin's settings, as a learner takes the solver that codes its
 * images ({@code learning: {type: online-cdl, solver: {type: fista, lambda: 0.01}}}).
 *
 * <p>The component holds the block as written (a {@code Map<String, Object>}, or an {@code Object} when the
 * block may also be a name or a list, see {@link #byName()} and {@link #list()}), so that a record built in
 * Java needs no registry; the plugin binds it when it creates its instance (with
 * {@code org.sparsecode.core.plugin.PluginBlocks#create}, which names a mistake {@code solver.<key>}). What the
 * annotation adds is that the configuration loader binds and validates the block when the file is read, as it
 * does a top-level block: a misspelt key, a bad value or an unknown {@code type:} inside it is then reported
 * with the file, line and column and the whole key path ({@code FILE:12:40: learning.solver.maxIteration:
 * unknown key ...}), also for a {@code --set}, and {@code sparsecode validate} catches it without running.
 * The record's compact constructor still checks what it needs (say, that the block has a {@code type}); the
 * loader looks inside the block only once the record has accepted it.
 *
 * <pre>{@code
 * public record MyLearnerSettings(Integer steps,
 *     @PluginBlock(SparseSolver.class) Map<String, Object> solver) { ... }
 *
 * // in the plugin's build(settings, context):
 * SparseSolver solver = PluginBlocks.create(SparseSolver.class, settings.solver(), "solver",
 *     PluginRegistry.load(), context);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PluginBlock {

  /**
   * The role of the plugin the block names, e.g. {@code SparseSolver.class}.
   *
   * @return the SPI interface
   */
  Class<?> value();

  /**
   * Whether a block may be written as its plugin's name alone ({@code grey} for {@code {type: grey}}).
   *
   * @return {@code true} when a string names the plugin with its default settings
   */
  boolean byName() default false;

  /**
   * Whether the value may be a list of blocks (a pipeline, each item a block, or a name when {@link #byName()}),
   * each bound in turn and reported as {@code key[i]}.
   *
   * @return {@code true} when a list of blocks is accepted
   */
  boolean list() default false;

  /**
   * Settings the block takes from the enclosing record when it leaves them out and its plugin has them, as a
   * preprocessing step without {@code size} takes its image source's {@code size}.
   *
   * @return the names of components of the enclosing record
   */
  String[] inherit() default {};
}
