package org.sparsecode.experiments.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts resolution: {@code parts:} maps a part name (a directory name, distinct from the variants') to
 * another experiment file, relative to the including one, loaded as its own plan with the same
 * {@code --set}s. The long form {@code { file: FILE, set: [key.path=value, ...] }} also overrides keys of
 * the part, before the command line's {@code --set}s; an error in such an item is reported at the item, in
 * the including file. A part may have parts; a cycle is an error.
 */
final class Parts {
  /** Loads one part's file as a plan (the loader, recursively). */
  @FunctionalInterface
  interface Loader {
    /**
     * Loads a part.
     *
     * @param file the part's file, as messages name it
     * @param sets the part's own overrides, then the command line's
     * @param including the files that include it, outermost first, for cycles
     * @return the part's plan
     */
    ExperimentPlan load(Path file, List<SetOverride> sets, List<Path> including);
  }

  private Parts() {}

  /**
   * Loads the {@code parts:} of a file.
   *
   * @param top where errors in the including file are reported
   * @param node the {@code parts:} block, or {@code null}
   * @param variants the file's {@code variants:} block, or {@code null}, whose names parts may not take
   * @param file the including file
   * @param sets the command line's overrides
   * @param study records which overrides applied
   * @param including the files that include this one
   * @param loader loads each part
   * @return the parts by name, in file order
   */
  static Map<String, ExperimentPlan> resolve(Locator top, Node node, Node variants, Path file,
      List<SetOverride> sets, SetOverride.Study study, List<Path> including, Loader loader) {
    Map<String, ExperimentPlan> parts = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return parts;
    }
    if (!node.isMap() || node.entries().isEmpty()) {
      throw top.error("parts", (node.isMap() ? "is empty; list at least one part" : "expected a map of part names"
          + " to experiment files") + ", e.g. parts: { part-one: part-one.yaml }" + (node.isMap()
          ? ", or remove the key" : ", got " + node.describe()), false);
    }
    Path self = file.toAbsolutePath().normalize();
    List<Path> stack = new ArrayList<>(including);
    stack.add(self);
    for (Map.Entry<String, Node> e : node.entries().entrySet()) {
      String name = e.getKey();
      String path = "parts." + name;
      if (!TopLevelKeys.isDirectoryName(name)) {
        throw top.error(path, "a part name may hold only letters, digits, '_', '.' and '-' (it names the"
            + " part's output directory), got '" + name + "'", true);
      }
      if (variants != null && variants.isMap() && variants.entries().containsKey(name)) {
        throw top.error(path, "'" + name + "' is also a variant; both would write " + name + "/", true);
      }
      Node spec = e.getValue();
      List<SetOverride> partSets = new ArrayList<>();
      if (spec.isMap()) {
        partSets = partSets(top, path, spec);
        path = path + ".file";
        Node fileNode = spec.get("file");
        if (fileNode == null) {
          throw top.error(path, "is required: the part's experiment file, relative to this file", true);
        }
        spec = fileNode;
      }
      if (!(spec.plain() instanceof String relative) || relative.isBlank()) {
        throw top.error(path, "expected the path of an experiment file, relative to this file (or { file: ..., set:"
            + " [key.path=value, ...] }), got " + spec.describe(), false);
      }
      checkFile(top, path, self, relative, stack);
      Path shown = file.getParent() == null ? Path.of(relative) : file.getParent().resolve(relative).normalize();
      // the part's own sets first, so that the command line's win
      List<SetOverride> all = new ArrayList<>(partSets);
      all.addAll(sets);
      parts.put(name, loader.load(shown, all, stack));
      study.check(partSets);
    }
    return parts;
  }

  /** The overrides of a long-form part ({@code { file: ..., set: [...] }}), each located at its item. */
  private static List<SetOverride> partSets(Locator top, String path, Node spec) {
    for (String key : spec.entries().keySet()) {
      if (!key.equals("file") && !key.equals("set")) {
        throw top.error(path + "." + key, TopLevelKeys.unknownKey(key, List.of("file", "set")), true);
      }
    }
    List<SetOverride> partSets = new ArrayList<>();
    Node setNode = spec.get("set");
    if (setNode != null && !setNode.isNull()) {
      if (!setNode.isList()) {
        throw top.error(path + ".set", "expected a list of key.path=value strings, as --set takes them, got "
            + setNode.describe(), false);
      }
      for (int i = 0; i < setNode.items().size(); i++) {
        String item = path + ".set[" + i + "]";
        if (!(setNode.items().get(i).plain() instanceof String text)) {
          throw top.error(item, "expected a key.path=value string, got " + setNode.items().get(i).describe(),
              false);
        }
        partSets.add(SetOverride.parse(text, top.where(item, false)));
      }
    }
    return partSets;
  }

  /** Checks that a part's file is valid, exists, is no directory and does not include itself. */
  private static void checkFile(Locator top, String path, Path self, String relative, List<Path> stack) {
    Path partFile;
    try {
      partFile = self.getParent().resolve(relative).normalize();
    } catch (InvalidPathException bad) {
      throw top.error(path, "'" + relative + "' is not a valid path: " + bad.getReason(), false);
    }
    if (stack.contains(partFile)) {
      throw top.error(path, "includes " + relative + ", which includes this file: parts may not form a cycle",
          false);
    }
    if (Files.isDirectory(partFile)) {
      throw top.error(path, partFile + " is a directory; name an experiment file (.yaml) in it", false);
    }
    if (!Files.isRegularFile(partFile)) {
      throw top.error(path, "no such experiment file: " + partFile, false);
    }
  }
}
