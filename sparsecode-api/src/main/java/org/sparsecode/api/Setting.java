package org.sparsecode.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a component of a settings record accepts, where its Java type does not say it, for listings such as
 * {@code sparsecode plugins}: the values a validated string takes, how a free-form ({@code Object}) value is
 * written, the unit of a number. It documents and never validates: the compact constructor still checks
 * the value, and the names in {@link #oneOf()} must be the ones it accepts.
 *
 * <pre>{@code
 * public record LcaSettings(Double lambda, @Setting(oneOf = {"soft", "hard"}) String threshold) { ... }
 * public record GaborSettings(@Setting(form = "n, a list or {linspace: [a, b, n]}", unit = "rad")
 *     Object thetas) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

  /**
   * The accepted values of a string setting, listed as {@code one of a|b|c}.
   *
   * @return the values, or none when any string is accepted
   */
  String[] oneOf() default {};

  /**
   * How the value is written, for a component whose type is {@code Object} (several YAML forms), e.g.
   * {@code "n, a list or {linspace: [a, b, n]}"}; listed instead of the type.
   *
   * @return the forms, or empty to list the Java type
   */
  String form() default "";

  /**
   * The unit of the number or numbers, e.g. {@code rad} (listings then add degrees), {@code px}.
   *
   * @return the unit, or empty for none
   */
  String unit() default "";
}
