package org.sparsecode.experiments.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;

/**
 * The {@code results.json} tree of a {@link RunResult}, keys in a fixed order (scripts read it), and the one
 * reader of that file back into a {@link RunResult}. Non-finite numbers are written as strings (see
 * {@link Json}).
 *
 * <p>The reader accepts what every version of the engine wrote: {@code variant}, {@code cell}, {@code provenance},
 * {@code dictionary}, {@code solver}, {@code learning}, {@code summary}, {@code stages} and an image's
 * {@code iterations} and {@code seconds} may be absent; a number may be the string {@code "NaN"},
 * {@code "Infinity"} or {@code "-Infinity"}, or {@code null} (read as NaN). {@code experiment},
 * {@code configSha256}, {@code status}, {@code images} and each image's {@code id} are required. In the
 * free-form blocks ({@code dictionary}, {@code solver}, {@code learning}) the three strings become doubles
 * and everything else stays as parsed (maps, lists, strings, integers, doubles, booleans, {@code null}).
 */
public final class ResultsJson {
  private ResultsJson() {}

  /**
   * Builds the tree.
   *
   * @param r the result
   * @return ordered maps, lists and scalars
   */
  public static Map<String, Object> toTree(RunResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", r.experiment());
    if (r.variant() != null) {
      root.put("variant", r.variant());
    }
    if (r.cell() != null) {
      root.put("cell", r.cell());
    }
    root.put("seed", r.seed());
    root.put("configSha256", r.configSha256());
    root.put("provenance", provenance(r.provenance()));
    root.put("dictionary", r.dictionary());
    root.put("solver", r.solver());
    List<Object> images = new ArrayList<>();
    for (ImageResult image : r.images()) {
      images.add(image(image));
    }
    root.put("images", images);
    if (r.learning() != null) {
      root.put("learning", r.learning());
    }
    root.put("summary", summaries(r.summary()));
    if (!r.stages().isEmpty()) {
      root.put("stages", r.stages());
    }
    root.put("status", r.status());
    return root;
  }

  /**
   * The {@code provenance} object: every field, {@code finishedAt} {@code null} while the run is in progress,
   * {@code imagesSha256} only once known.
   *
   * @param p the provenance
   * @return an ordered map
   */
  public static Map<String, Object> provenance(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", p.version());
    m.put("gitCommit", p.gitCommit());
    m.put("java", p.java());
    m.put("os", p.os());
    m.put("arch", p.arch());
    m.put("threads", p.threads());
    m.put("startedAt", p.startedAt());
    m.put("finishedAt", p.finishedAt());
    m.put("precision", p.precision());
    if (p.fft() != null) {
      m.put("fft", p.fft());
    }
    if (p.imagesSha256() != null) {
      m.put("imagesSha256", p.imagesSha256());
    }
    if (p.device() != null) {
      m.put("device", p.device());
    }
    return m;
  }

  /** The provenance's {@code device} object as names and texts, or null when absent. */
  private static Map<String, String> device(Map<String, Object> tree) {
    if (tree == null) {
      return null;
    }
    Map<String, String> m = new LinkedHashMap<>();
    tree.forEach((k, v) -> m.put(k, String.valueOf(v)));
    return m;
  }

  private static Map<String, Object> image(ImageResult image) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", image.id());
    for (String key : List.of("psnr", "sparseness", "objective")) {
      m.put(key, image.metric(key));
    }
    m.put("iterations", image.iterations());
    m.put("seconds", image.seconds());
    image.metrics().forEach(m::putIfAbsent);
    image.curves().forEach(m::putIfAbsent);
    return m;
  }

  /**
   * The {@code summary} object: each column's {@link #summary(Summary)}, in order.
   *
   * @param summaries column name to its statistics
   * @return ordered maps
   */
  public static Map<String, Object> summaries(Map<String, Summary> summaries) {
    Map<String, Object> m = new LinkedHashMap<>();
    summaries.forEach((name, s) -> m.put(name, summary(s)));
    return m;
  }

  /**
   * The JSON object of one summary.
   *
   * @param s the statistics
   * @return {@code {mean, sd, median, min, max}}
   */
  public static Map<String, Object> summary(Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", s.mean());
    m.put("sd", s.sd());
    m.put("median", s.median());
    m.put("min", s.min());
    m.put("max", s.max());
    return m;
  }

  /**
   * Reads a {@code results.json} file.
   *
   * @param file the file
   * @return the result
   * @throws SparsecodeException naming the file (and the key) when it cannot be read, is not JSON, or a required
   *     field is missing or of the wrong type
   */
  public static RunResult read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SparsecodeException("cannot read " + file + ": no such file", e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return read(text, file.toString());
  }

  /**
   * Reads the text of a {@code results.json}.
   *
   * @param text the JSON
   * @param what the file's name, for the error messages
   * @return the result
   * @throws SparsecodeException naming {@code what} and the key when the text is not a JSON object or a required
   *     field is missing or of the wrong type
   */
  public static RunResult read(String text, String what) {
    Node root = new Node(what, "", Json.parseObject(text, what));
    Map<String, Object> provenance = root.map("provenance");
    Node p = root.child("provenance", provenance == null ? Map.of() : provenance);
    Provenance prov = new Provenance(p.string("version", false), p.string("gitCommit", false),
        p.string("java", false), p.string("os", false), p.string("arch", false), (int) p.integer("threads", 0),
        p.string("startedAt", false), p.string("finishedAt", false), p.string("precision", false),
        p.string("imagesSha256", false), p.string("fft", false), device(p.map("device")));
    List<ImageResult> images = new ArrayList<>();
    List<?> list = root.list("images", true);
    for (int i = 0; i < list.size(); i++) {
      images.add(image(root.element("images", i, list.get(i))));
    }
    Map<String, Summary> summary = new LinkedHashMap<>();
    Map<String, Object> s = root.map("summary");
    if (s != null) {
      Node sn = root.child("summary", s);
      s.keySet().forEach(name -> {
        Node one = sn.child(name, sn.map(name) == null ? Map.of() : sn.map(name));
        summary.put(name, new Summary(one.number("mean"), one.number("sd"), one.number("median"),
            one.number("min"), one.number("max")));
      });
    }
    Map<String, Double> stages = new LinkedHashMap<>();
    Map<String, Object> st = root.map("stages");
    if (st != null) {
      Node sn = root.child("stages", st);
      st.keySet().forEach(name -> stages.put(name, sn.number(name)));
    }
    Map<String, Object> dictionary = root.map("dictionary");
    Map<String, Object> solver = root.map("solver");
    Map<String, Object> learning = root.map("learning");
    Map<String, Object> cell = root.map("cell");
    return new RunResult(root.string("experiment", true), root.string("variant", false), root.integer("seed", 0),
        root.string("configSha256", true), prov, dictionary == null ? Map.of() : freeForm(dictionary),
        solver == null ? Map.of() : freeForm(solver), learning == null ? null : freeForm(learning), images, summary,
        root.string("status", true), stages, cell == null ? null : freeForm(cell));
  }

  /** An entry of {@code images}: id, the scalar metrics, the curves (nested objects), iterations, seconds. */
  private static ImageResult image(Node m) {
    String id = m.string("id", true);
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Double>>> curves = new LinkedHashMap<>();
    m.tree.forEach((key, value) -> {
      if (value instanceof Map<?, ?>) {
        Node curve = m.child(key, m.map(key));
        Map<String, Map<String, Double>> points = new LinkedHashMap<>();
        curve.tree.keySet().forEach(point -> {
          Map<String, Object> qs = curve.map(point);
          Node q = curve.child(point, qs == null ? Map.of() : qs);
          Map<String, Double> values = new LinkedHashMap<>();
          q.tree.keySet().forEach(name -> values.put(name, q.number(name)));
          points.put(point, values);
        });
        curves.put(key, points);
      } else if (!"id".equals(key) && !"iterations".equals(key) && !"seconds".equals(key)) {
        metrics.put(key, m.number(key));
      }
    });
    return new ImageResult(id, metrics, curves, (int) m.integer("iterations", 0), m.number("seconds"));
  }

  /** A free-form block with the non-finite number strings as doubles, at every depth. */
  private static Map<String, Object> freeForm(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    tree.forEach((k, v) -> out.put(k, freeFormValue(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object freeFormValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return freeForm((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(e -> out.add(freeFormValue(e)));
      return out;
    }
    if (v instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
      return Double.parseDouble(s);
    }
    return v;
  }

  private static final String RERUN = " (not a results.json this version can read; run the experiment again "
      + "with --force to rewrite it)";

  /** A JSON object of the file with its key path, for the error messages. */
  private record Node(String file, String path, Map<String, Object> tree) {

    Node child(String key, Map<String, Object> child) {
      return new Node(file, at(key), child);
    }

    @SuppressWarnings("unchecked")
    Node element(String key, int index, Object value) {
      if (!(value instanceof Map<?, ?> m)) {
        throw wrong(at(key) + "[" + index + "]", "an object", value);
      }
      return new Node(file, at(key) + "[" + index + "]", (Map<String, Object>) m);
    }

    private String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private SparsecodeException missing(String key) {
      return new SparsecodeException(file + ": " + at(key) + " is missing" + RERUN);
    }

    private SparsecodeException wrong(String where, String expected, Object found) {
      return new SparsecodeException(file + ": " + where + ": expected " + expected + ", found "
          + (found instanceof String s ? "\"" + s + "\"" : String.valueOf(found)) + RERUN);
    }

    String string(String key, boolean required) {
      Object v = tree.get(key);
      if (v == null) {
        if (required) {
          throw missing(key);
        }
        return null;
      }
      if (!(v instanceof String s)) {
        throw wrong(at(key), "a string", v);
      }
      return s;
    }

    long integer(String key, long absent) {
      Object v = tree.get(key);
      if (v == null) {
        return absent;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.longValue();
      }
      throw wrong(at(key), "an integer", v);
    }

    /** A number: a JSON number, or "NaN", "Infinity", "-Infinity"; NaN when absent or null. */
    double number(String key) {
      Object v = tree.get(key);
      if (v == null) {
        return Double.NaN;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
        return Double.parseDouble(s);
      }
      throw wrong(at(key), "a number", v);
    }

    /** An object, or null when absent or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
      Object v = tree.get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw wrong(at(key), "an object", v);
      }
      return (Map<String, Object>) m;
    }

    List<?> list(String key, boolean required) {
      Object v = tree.get(key);
      if (v == null) {
        if (required) {
          throw missing(key);
        }
        return List.of();
      }
      if (!(v instanceof List<?> l)) {
        throw wrong(at(key), "a list", v);
      }
      return l;
    }
  }
}
