package org.sparsecode.experiments.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code key.path=value} override, the value parsed as YAML: a {@code --set} of the command line, or
 * an item of a part's {@code set:} list, whose errors are reported at that item ({@code source.where()}).
 * The value replaces what was at the path (a map is not merged); see {@link KeyPath#set}.
 *
 * @param text the override as written
 * @param path where it sets a value; its first key is one of {@link TopLevelKeys#SETTABLE}
 * @param value the value, never YAML's null
 * @param source how errors name the override
 */
record SetOverride(String text, KeyPath path, Node value, Node.Assignment source) {

  /**
   * Parses an override.
   *
   * @param text {@code key.path=value}
   * @param where the location of a part's {@code set:} item ({@code FILE:LINE:COLUMN: parts.p.set[0]}), or
   *     {@code null} for the command line
   * @return the override
   * @throws ConfigError when there is no '=', the path is empty or invalid or starts with a key that cannot be
   *     set, or the value is not YAML or is null
   */
  static SetOverride parse(String text, String where) {
    Node.Assignment source = new Node.Assignment(text, where);
    String command = where == null ? "--set " : "";
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new ConfigError(source.label() + ": expected key.path=value, e.g. " + command + "solver.lambda=5e-3");
    }
    String written = text.substring(0, eq).trim();
    if (written.isEmpty()) {
      throw new ConfigError(source.label() + ": the key path before '=' is empty; expected key.path=value, e.g. "
          + command + "solver.lambda=5e-3");
    }
    KeyPath path;
    try {
      path = KeyPath.parse(written);
    } catch (ConfigError e) {
      throw new ConfigError(source.label() + ": " + e.getMessage(), e);
    }
    String first = path.key(0);
    if (!TopLevelKeys.SETTABLE.contains(first)) {
      String problem = TopLevelKeys.ALL.contains(first)
          ? "'" + first + "' cannot be set " + (where == null ? "from the command line (--set applies to every"
          + " variant)" : "by a part's set:")
          : TopLevelKeys.unknownKey(first, TopLevelKeys.SETTABLE);
      throw new ConfigError(source.label() + ": " + problem);
    }
    Node value;
    try {
      value = YamlTrees.parse(text.substring(eq + 1), written, source);
    } catch (YamlTrees.SyntaxError e) {
      throw new ConfigError(source.label() + ": " + (e.path == null ? "the value is not valid YAML: "
          : e.path + ": ") + e.getMessage(), e);
    }
    if (value.isNull()) {
      String shown = text.substring(eq + 1).isBlank() ? "no value after '='" : "no value (YAML reads '"
          + text.substring(eq + 1).trim() + "' as null)";
      throw new ConfigError(source.label() + ": " + shown + "; give one, e.g. " + command + written + "="
          + example(path) + " (to keep the file's value or the default, leave the "
          + (where == null ? "--set" : "item") + " out)");
    }
    return new SetOverride(text, path, value, source);
  }

  /** A plausible value for an example in a message. */
  private static String example(KeyPath path) {
    String text = path.toString();
    return switch (text.substring(text.lastIndexOf('.') + 1)) {
      case "lambda" -> "5e-3";
      case "type" -> "NAME";
      case "names", "metrics" -> "[...]";
      default -> "VALUE";
    };
  }

  /** Whether the block this sets a key in ({@code learning} of {@code learning.steps}) is absent. */
  boolean missesBlock(Node tree) {
    if (path.size() < 2 || path.isIndex(1) || !tree.isMap()) {
      return false;
    }
    Node child = tree.get(path.key(0));
    return child == null || child.isNull();
  }

  /** The error for an override whose block no experiment of the study has. */
  ConfigError missingBlockError() {
    String block = path.key(0);
    return fail("there is no '" + block + "' block to set '" + path.subPath(1, path.size()) + "' in; add it to"
        + " the file, or set it whole: " + (source.where() == null ? "--set " : "") + block + "={ type: ..., "
        + path.key(1) + ": ... }", null);
  }

  /**
   * The tree with this override applied.
   *
   * @param tree one experiment's tree
   * @param variant the variant it is, for messages, or {@code null}
   * @return the new tree
   */
  Node applyTo(Node tree, String variant) {
    try {
      return path.set(tree, value, source);
    } catch (ConfigError e) {
      throw fail(e.getMessage(), variant);
    }
  }

  private ConfigError fail(String problem, String variant) {
    return new ConfigError(source.label() + ": " + problem + (variant == null ? "" : " (in variant '"
        + variant + "')"));
  }

  /**
   * Applies overrides in order to one experiment's tree, skipping those whose block it lacks.
   *
   * @param tree the experiment (variant merged)
   * @param sets the overrides
   * @param variant the variant it is, or {@code null}
   * @param study records which overrides applied
   * @return the tree with the overrides applied
   */
  static Node applyAll(Node tree, List<SetOverride> sets, String variant, Study study) {
    Node out = tree;
    for (SetOverride set : sets) {
      if (set.missesBlock(out)) {
        continue;
      }
      out = set.applyTo(out, variant);
      study.applied.add(set);
    }
    return out;
  }

  /**
   * Which overrides found their block somewhere in a study (a file, its variants and its parts): in a
   * study of several experiments, {@code --set learning.steps=N} applies to those that learn and skips the
   * others; it is an error only when no experiment has the block.
   */
  static final class Study {
    private final Set<SetOverride> applied = new HashSet<>();

    /**
     * Checks that every override applied somewhere.
     *
     * @param sets the overrides
     * @throws ConfigError for the first that applied nowhere
     */
    void check(List<SetOverride> sets) {
      for (SetOverride set : sets) {
        if (!applied.contains(set)) {
          throw set.missingBlockError();
        }
      }
    }
  }
}
