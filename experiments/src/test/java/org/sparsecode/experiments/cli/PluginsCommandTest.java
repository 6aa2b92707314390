package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.Setting;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/** {@code sparsecode plugins} on the built-in plugins: what a new user reads about each setting. */
class PluginsCommandTest {

  private String out;

  private int cli(String... args) {
    StringWriter o = new StringWriter();
    int status = SparsecodeCli.execute(args, new PrintWriter(o), new PrintWriter(new StringWriter()));
    out = o.toString();
    return status;
  }

  /** The settings lines of one plugin's entry, leading spaces removed and runs of spaces made one. */
  private List<String> settingsOf(String plugin) {
    List<String> lines = new ArrayList<>();
    boolean inside = false;
    for (String line : out.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        inside = line.equals("  " + plugin) || line.startsWith("  " + plugin + " - ");
      } else if (inside && line.startsWith("      ")) {
        lines.add(line.strip().replaceAll(" {2,}", " "));
      }
    }
    return lines;
  }

  @Test
  void logGaborSaysThatThetasAndBThetasAreRequiredOnlyWithoutAPreset() {
    assertThat(cli("plugins", "--role", "dictionary")).isZero();
    assertThat(settingsOf("log-gabor")).contains(
        "thetas n (evenly over [0, pi)), a list or {linspace: [a, b, n], dropFirst: bool} (rad), "
            + "required unless preset is given",
        "bThetas a list or {linspace: [a, b, n], dropFirst: bool} (rad), required unless preset is given");
  }

  @Test
  void stringSettingsListTheValuesTheyAccept() {
    assertThat(cli("plugins")).isZero();
    assertThat(settingsOf("log-gabor")).contains("preset one of thin|full, optional, no default",
        "normalise one of peak|unit-l2, default peak");
    assertThat(settingsOf("random")).contains("normalise one of unit-l2|peak|none, default unit-l2");
    assertThat(settingsOf("lca")).contains("threshold one of soft|hard, default soft");
    assertThat(settingsOf("fista")).contains("backtracking one of none|standard|robust, default none");
    assertThat(settingsOf("online-cdl")).contains("stepSize one of paper|lipschitz, default paper",
        "imageOrder one of random|sequential, default random");
    assertThat(settingsOf("resilience")).contains("form one of absolute|ceil, default absolute");
  }

  @Test
  void angleDefaultsReadAsDegreesAndLongListsAsCountAndRange() {
    assertThat(cli("plugins", "--role", "dictionary")).isZero();
    assertThat(settingsOf("gabor")).contains(
        "thetas n (evenly over [0, pi)), a list or {linspace: [a, b, n], dropFirst: bool} (rad), "
            + "default 12 values, 0 to 2.88 rad (0° to 165° by 15°)",
        "phases n (evenly over [0, pi)), a list or {linspace: [a, b, n], dropFirst: bool} (rad), "
            + "default [0, 1.571] rad (0°, 90°)");
    assertThat(out).doesNotContain("0.2617993877991494").doesNotContain("1.5707963267948966");
  }

  @Test
  void otherDefaultsAreRoundedToSixSignificantDigits() {
    assertThat(cli("plugins")).isZero();
    assertThat(settingsOf("scale")).containsExactly("factor number, default 0.00392157");
    assertThat(settingsOf("cbpdn-admm")).contains("relStopTol number, default 0.0001");
  }

  @Test
  void theDefaultPreprocessOfEveryImageSourceIsAListedPreprocessName() {
    assertThat(cli("plugins", "--role", "preprocess")).isZero();
    List<String> names = Arrays.stream(out.split("\n")).filter(l -> l.startsWith("  ") && !l.startsWith("   "))
        .map(l -> l.strip().split(" ")[0]).toList();
    assertThat(names).contains("local-contrast", "paper-learning", "none", "lcn");
    assertThat(cli("plugins", "--role", "images")).isZero();
    Matcher m = Pattern.compile("\n +preprocess .*, default (\\S+)\n").matcher(out);
    int sources = 0;
    while (m.find()) {
      assertThat(names).contains(m.group(1));
      sources++;
    }
    assertThat(sources).isEqualTo(2);
  }

  /**
   * The keys that make a settings record bindable on their own: for each key that another key makes optional
   * (log-gabor's {@code thetas}, filled by a {@code preset}), that other key with its first listed value;
   * else nothing.
   */
  private static Map<String, Object> bindable(Class<? extends Record> type) {
    Map<String, Object> base = new LinkedHashMap<>();
    for (SettingsBinder.Key k : SettingsBinder.keys(type)) {
      if (k.required() && k.requiredWithout() != null) {
        for (RecordComponent c : type.getRecordComponents()) {
          if (c.getName().equals(k.requiredWithout())) {
            base.put(c.getName(), c.getAnnotation(Setting.class).oneOf()[0]);
          }
        }
      }
    }
    return base;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> values = new LinkedHashMap<>(base);
    values.put(key, value);
    return values;
  }

  /**
   * Every string setting of the built-in plugins (sparsecode-core, -learning, -eval) that rejects an unknown
   * value lists its values ({@link Setting#oneOf()}), and every value it lists is accepted as written (beside
   * a preset where the plugin needs one): the listing cannot drift from the validation.
   */
  @Test
  void everyValidatedStringSettingListsExactlyTheValuesItAccepts() {
    int checked = 0;
    for (Plugin<?> p : PluginRegistry.load().all()) {
      if (p.getClass().getPackageName().startsWith("org.sparsecode.experiments")) {
        continue; // this module's test plugins
      }
      Map<String, Object> base = bindable(p.settings());
      for (RecordComponent c : p.settings().getRecordComponents()) {
        if (c.getType() != String.class) {
          continue;
        }
        String where = p.name() + "." + c.getName();
        Setting setting = c.getAnnotation(Setting.class);
        Throwable rejected = catchThrowable(() -> SettingsBinder.bind(p.settings(),
            with(base, c.getName(), "no-such-value")));
        if (rejected instanceof ConfigException e && e.key().equals(c.getName())) {
          assertThat(setting).as(where + " is validated but lists no values").isNotNull();
          assertThat(setting.oneOf()).as(where).isNotEmpty();
        }
        for (String value : setting == null ? new String[0] : setting.oneOf()) {
          Record bound = SettingsBinder.bind(p.settings(), with(base, c.getName(), value));
          assertThat(SettingsBinder.toMap(bound)).as(where).containsEntry(c.getName(), value);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(25);
  }
}
