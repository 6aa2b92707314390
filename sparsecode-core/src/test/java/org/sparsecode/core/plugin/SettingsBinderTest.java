package org.sparsecode.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Precision;
import org.sparsecode.api.Setting;

class SettingsBinderTest {

  /** A solver-like settings record with a default for every key. */
  record Solver(Double lambda, Integer maxIter, Long seed, Boolean verbose, String label, Mode mode,
      AutoRho autoRho, List<Double> cutoffs, Map<String, Integer> weights, Object free, Precision precision) {
    static final double LAMBDA = 1e-2;
    static final int MAX_ITER = 100;

    Solver {
      lambda = Checks.positive("lambda", lambda == null ? LAMBDA : lambda);
      maxIter = Checks.atLeast("maxIter", maxIter == null ? MAX_ITER : maxIter, 1);
      seed = seed == null ? 0L : seed;
      verbose = verbose != null && verbose;
      mode = mode == null ? Mode.FAST_PATH : mode;
      autoRho = autoRho == null ? new AutoRho(null, null) : autoRho;
      cutoffs = cutoffs == null ? List.of() : List.copyOf(cutoffs);
      weights = weights == null ? Map.of() : Map.copyOf(weights);
    }
  }

  /** A nested block. */
  record AutoRho(Boolean enabled, Integer period) {
    AutoRho {
      enabled = enabled == null || enabled;
      period = Checks.atLeast("period", period == null ? 10 : period, 1);
    }
  }

  enum Mode { FAST_PATH, SLOW }

  /** A record with one required key and a constructor that throws a plain IllegalArgumentException. */
  record Files(String path, Integer limit) {
    Files {
      Checks.required("path", path);
      limit = limit == null ? 5 : limit;
      if (path.isEmpty()) {
        throw new IllegalArgumentException("path must not be empty");
      }
    }
  }

  record Primitives(double x, int n, boolean flag) {}

  /** A required key whose first placeholder (1.0) is rejected. */
  record Picky(Double scale, Integer n) {
    Picky {
      if (Checks.required("scale", scale) < 5) {
        throw new ConfigException("scale", "must be >= 5, got " + scale);
      }
      n = n == null ? 3 : n;
    }
  }

  record Outer(Files files) {}

  /** A generator-like record: {@code count} is required unless a {@code preset} fills it. */
  record Bank(@Setting(oneOf = {"small", "large"}) String preset, Integer count,
      @Setting(form = "n or a list", unit = "rad") Object angles) {
    Bank {
      if (preset != null && !preset.equals("small") && !preset.equals("large")) {
        throw new ConfigException("preset", "must be small or large, got '" + preset + "'");
      }
      if (preset != null && count == null) {
        count = preset.equals("small") ? 2 : 20;
      }
      Checks.required("count", count);
      angles = angles == null ? List.of(0.0, 1.0) : angles;
    }
  }

  /** Numbers without a range check, one that allows infinity, and a count with an upper bound. */
  record Unbounded(Double x, @SettingsBinder.AllowNonFinite Double limit, Float f, Integer count) {
    Unbounded {
      if (count != null && (count < 1 || count > 1000)) {
        throw new ConfigException("count", "must be in [1, 1000], got " + count);
      }
    }
  }

  @Test
  void missingKeysTakeTheRecordsDefaults() {
    Solver s = SettingsBinder.bind(Solver.class, Map.of());
    assertThat(s.lambda()).isEqualTo(Solver.LAMBDA);
    assertThat(s.maxIter()).isEqualTo(Solver.MAX_ITER);
    assertThat(s.autoRho()).isEqualTo(new AutoRho(true, 10));
    assertThat(s.free()).isNull();
  }

  @Test
  void aKeyWithoutValueIsAnErrorThatNamesTheDefault() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lambda", null);
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, values))
        .isInstanceOf(ConfigException.class)
        .hasMessage("lambda: no value; write a number, or leave the key out for its default, 0.01");
  }

  @Test
  void aNestedKeyWithoutValueCarriesThePrefix() {
    Map<String, Object> autoRho = new LinkedHashMap<>();
    autoRho.put("period", null);
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("autoRho", autoRho)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("autoRho.period: no value; write an integer, or leave the key out for its default, 10");
  }

  @Test
  void aRequiredKeyWithoutValueSaysItIsRequired() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("path", null);
    assertThatThrownBy(() -> SettingsBinder.bind(Files.class, values))
        .isInstanceOf(ConfigException.class)
        .hasMessage("path: no value; write a string (the key is required)");
  }

  @Test
  void aKeyWithoutValueWhoseDefaultCannotBeWorkedOutSaysToLeaveItOut() {
    // the default of limit cannot be shown: without path the record cannot be built
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("limit", null);
    assertThatThrownBy(() -> SettingsBinder.bind(Files.class, values))
        .isInstanceOf(ConfigException.class)
        .hasMessage("limit: no value; write an integer, or leave the key out");
  }

  @Test
  void aMapEntryWithoutValueIsAnError() {
    Map<String, Object> weights = new LinkedHashMap<>();
    weights.put("a", null);
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("weights", weights)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("weights.a: no value; write an integer");
  }

  @Test
  void nanIsReportedWithTheRecordsRange() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("lambda", Double.NaN)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("lambda: must be > 0 and finite, got NaN");
  }

  @Test
  void infinityIsRefusedEvenWhenTheRecordWouldTakeIt() {
    assertThatThrownBy(() -> SettingsBinder.bind(Unbounded.class, Map.of("x", Double.POSITIVE_INFINITY)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("x: must be a finite number, got Infinity");
  }

  @Test
  void yamlsNanSpelledAsAStringIsRefusedToo() {
    assertThatThrownBy(() -> SettingsBinder.bind(Unbounded.class, Map.of("x", ".NaN")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("x: must be a finite number, got '.NaN'");
  }

  @Test
  void aComponentMarkedAllowNonFiniteTakesInfinity() {
    assertThat(SettingsBinder.bind(Unbounded.class, Map.of("limit", Double.POSITIVE_INFINITY)).limit())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void nanInAListIsNamedByIndex() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("cutoffs", List.of(0.5, Double.NaN))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cutoffs[1]: must be a finite number, got NaN");
  }

  @Test
  void nanInAFreeFormValueIsNamedByItsPath() {
    Map<String, Object> free = Map.of("linspace", List.of(0.0, Double.NEGATIVE_INFINITY, 7));
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("free", free)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("free.linspace[1]: must be a finite number, got -Infinity");
  }

  @Test
  void anIntegerBeyondALongInAFreeFormValueIsRefused() {
    // a plugin reading it with longValue() would silently wrap it around
    BigInteger huge = BigInteger.TWO.pow(64).add(BigInteger.ONE);
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("free", List.of(huge))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("free[0]: must be a number between -9223372036854775808 and 9223372036854775807, got "
            + "18446744073709551617");
  }

  @Test
  void aDoubleTooLargeForAFloatIsRefused() {
    assertThatThrownBy(() -> SettingsBinder.bind(Unbounded.class, Map.of("f", 1e300)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("f: must be a finite number within the range of a float (about ±3.4e38), got 1.0E300");
  }

  @Test
  void integersAreAcceptedForDoubles() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("lambda", 2)).lambda()).isEqualTo(2.0);
  }

  @Test
  void numericStringsAreAcceptedForDoubles() {
    // YAML 1.1 reads 5e-3 (no dot) as a string
    assertThat(SettingsBinder.bind(Solver.class, Map.of("lambda", "5e-3")).lambda()).isEqualTo(5e-3);
  }

  @Test
  void aWordForADoubleIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("lambda", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("lambda: expected a number, got 'abc'")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("lambda");
  }

  @Test
  void aFractionForAnIntegerIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("maxIter", 1.5)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("maxIter: expected an integer, got 1.5");
  }

  @Test
  void anIntegralDoubleIsAcceptedForAnInteger() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("maxIter", 30.0)).maxIter()).isEqualTo(30);
  }

  @Test
  void anIntegerTooLargeForIntIsAnErrorNamingTheTypesRange() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("maxIter", 3_000_000_000L)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("maxIter: expected an integer in [-2147483648, 2147483647], got 3000000000");
  }

  @Test
  void anIntegerTooLargeForIntIsReportedWithTheRecordsRangeWhenItHasOne() {
    assertThatThrownBy(() -> SettingsBinder.bind(Unbounded.class, Map.of("count", 1e12)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("count: must be in [1, 1000], got 1.0E12");
  }

  @Test
  void longsAcceptSmallIntegers() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("seed", 42)).seed()).isEqualTo(42L);
  }

  @Test
  void booleansAcceptTrueAndFalse() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("verbose", true)).verbose()).isTrue();
    assertThat(SettingsBinder.bind(Solver.class, Map.of("verbose", "false")).verbose()).isFalse();
  }

  @Test
  void aNumberForABooleanIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("verbose", 1)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("verbose: expected true or false, got 1");
  }

  @Test
  void scalarsAreAcceptedAsStrings() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("label", 2024)).label()).isEqualTo("2024");
  }

  @Test
  void aListForAStringIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("label", List.of(1))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("label: expected a string, got a list [1]");
  }

  @Test
  void enumsMatchKebabSnakeAndAnyCase() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("mode", "fast-path")).mode()).isEqualTo(Mode.FAST_PATH);
    assertThat(SettingsBinder.bind(Solver.class, Map.of("mode", "fast_path")).mode()).isEqualTo(Mode.FAST_PATH);
    assertThat(SettingsBinder.bind(Solver.class, Map.of("mode", "SLOW")).mode()).isEqualTo(Mode.SLOW);
  }

  @Test
  void enumsWithAYamlNameMatchIt() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("precision", "float64")).precision())
        .isEqualTo(Precision.FLOAT64);
  }

  @Test
  void anUnknownEnumValueListsTheChoices() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("mode", "slo")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("mode: expected one of fast-path, slow, got 'slo'; did you mean 'slow'?");
  }

  @Test
  void listsConvertTheirElements() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("cutoffs", List.of(1, 0.5))).cutoffs())
        .containsExactly(1.0, 0.5);
  }

  @Test
  void aBadListElementIsNamedByIndex() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("cutoffs", List.of(1, "x"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cutoffs[1]: expected a number, got 'x'");
  }

  @Test
  void aScalarForAListIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("cutoffs", 0.5)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cutoffs: expected a list, got 0.5");
  }

  @Test
  void mapsConvertTheirValues() {
    assertThat(SettingsBinder.bind(Solver.class, Map.of("weights", Map.of("a", 2))).weights())
        .isEqualTo(Map.of("a", 2));
  }

  @Test
  void aBadMapValueIsNamedByKey() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("weights", Map.of("a", "b"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("weights.a: expected an integer, got 'b'");
  }

  @Test
  void nestedRecordsAreBoundRecursively() {
    Solver s = SettingsBinder.bind(Solver.class, Map.of("autoRho", Map.of("enabled", false)));
    assertThat(s.autoRho()).isEqualTo(new AutoRho(false, 10));
  }

  @Test
  void nestedCompactConstructorErrorsCarryThePrefix() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("autoRho", Map.of("period", 0))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("autoRho.period: must be >= 1, got 0")
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("autoRho.period");
  }

  @Test
  void nestedUnknownKeysCarryThePrefix() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("autoRho", Map.of("perod", 3))))
        .isInstanceOf(SettingsBinder.UnknownKeyException.class)
        .hasMessage("autoRho.perod: unknown key 'perod'; did you mean 'period'? Valid keys: enabled, period");
  }

  @Test
  void aScalarForANestedRecordIsAnError() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("autoRho", 3)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("autoRho: expected a map of {enabled, period}, got 3");
  }

  @Test
  void objectComponentsReceiveTheRawValue() {
    Map<String, Object> linspace = Map.of("linspace", List.of(0.0, 0.5, 7));
    assertThat(SettingsBinder.bind(Solver.class, Map.of("free", linspace)).free()).isEqualTo(linspace);
  }

  @Test
  void primitivesAreBound() {
    assertThat(SettingsBinder.bind(Primitives.class, Map.of("x", 1, "n", 2, "flag", true)))
        .isEqualTo(new Primitives(1.0, 2, true));
  }

  @Test
  void aMissingPrimitiveIsRequired() {
    assertThatThrownBy(() -> SettingsBinder.bind(Primitives.class, Map.of("x", 1, "flag", true)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("n: is required");
  }

  @Test
  void anUnknownKeyListsTheValidKeysAndTheClosest() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("lamda", 1)))
        .isInstanceOf(SettingsBinder.UnknownKeyException.class)
        .hasMessage("lamda: unknown key 'lamda'; did you mean 'lambda'? Valid keys: lambda, maxIter, seed, verbose,"
            + " label, mode, autoRho, cutoffs, weights, free, precision");
  }

  @Test
  void aPrefixOfAValidKeyIsSuggested() {
    assertThat(SettingsBinder.suggest("maxIt", List.of("lambda", "maxIterations"))).isEqualTo("maxIterations");
  }

  @Test
  void anAmbiguousPrefixIsNotSuggested() {
    assertThat(SettingsBinder.suggest("rsdl", List.of("rsdlRatio", "rsdlTarget"))).isNull();
  }

  @Test
  void anUnknownKeyFarFromAnyValidKeyHasNoSuggestion() {
    assertThatThrownBy(() -> SettingsBinder.bind(AutoRho.class, Map.of("colour", 1)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("colour: unknown key 'colour'; valid keys: enabled, period");
  }

  @Test
  void compactConstructorErrorsPropagate() {
    assertThatThrownBy(() -> SettingsBinder.bind(Solver.class, Map.of("lambda", -1)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("lambda: must be > 0 and finite, got -1.0");
  }

  @Test
  void otherConstructorExceptionsBecomeConfigExceptionsOnTheBlock() {
    assertThatThrownBy(() -> SettingsBinder.bind(Outer.class, Map.of("files", Map.of("path", ""))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("files: path must not be empty")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingRequiredKeyIsReported() {
    assertThatThrownBy(() -> SettingsBinder.bind(Files.class, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("path: is required");
  }

  @Test
  void defaultsAreTheRecordBoundFromAnEmptyBlock() {
    assertThat(SettingsBinder.defaults(Solver.class)).contains(SettingsBinder.bind(Solver.class, Map.of()));
  }

  @Test
  void defaultsAreEmptyWhenAKeyIsRequired() {
    assertThat(SettingsBinder.defaults(Files.class)).isEmpty();
  }

  @Test
  void keysMarkRequiredKeysAndGiveTheOthersDefaults() {
    assertThat(SettingsBinder.keys(Files.class)).containsExactly(
        new SettingsBinder.Key("path", "string", true, null),
        new SettingsBinder.Key("limit", "integer", false, 5));
  }

  @Test
  void keysFindTheDefaultsEvenWhenARequiredKeyRejectsTheFirstPlaceholder() {
    assertThat(SettingsBinder.keys(Picky.class)).containsExactly(
        new SettingsBinder.Key("scale", "number", true, null),
        new SettingsBinder.Key("n", "integer", false, 3));
  }

  @Test
  void keysDescribeNestedAndGenericTypes() {
    List<SettingsBinder.Key> keys = SettingsBinder.keys(Solver.class);
    assertThat(keys).extracting(SettingsBinder.Key::type).containsExactly("number", "integer", "integer",
        "boolean", "string", "one of fast-path|slow", "map", "list of number", "map of integer", "any",
        "one of float32|float64");
    assertThat(keys.get(6).defaultValue()).isEqualTo(Map.of("enabled", true, "period", 10));
  }

  @Test
  void keysListTheValuesOfAStringSettingAndTheFormAndUnitOfAFreeFormOne() {
    List<SettingsBinder.Key> keys = SettingsBinder.keys(Bank.class);
    assertThat(keys).extracting(SettingsBinder.Key::type).containsExactly("one of small|large", "integer",
        "n or a list");
    assertThat(keys).extracting(SettingsBinder.Key::unit).containsExactly("", "", "rad");
    assertThat(keys.get(2).defaultValue()).isEqualTo(List.of(0.0, 1.0));
  }

  @Test
  void aKeyThatAPresetFillsIsRequiredOnlyWithoutThePreset() {
    List<SettingsBinder.Key> keys = SettingsBinder.keys(Bank.class);
    assertThat(keys.get(1).required()).isTrue();
    assertThat(keys.get(1).requiredWithout()).isEqualTo("preset");
    assertThat(SettingsBinder.keys(Files.class).get(0).requiredWithout()).isNull();
  }

  @Test
  void toMapListsComponentsInOrderWithoutNulls() {
    Map<String, Object> map = SettingsBinder.toMap(SettingsBinder.bind(Solver.class, Map.of()));
    assertThat(map.keySet()).containsExactly("lambda", "maxIter", "seed", "verbose", "mode", "autoRho",
        "cutoffs", "weights");
    assertThat(map.get("mode")).isEqualTo("fast-path");
    assertThat(map.get("autoRho")).isEqualTo(Map.of("enabled", true, "period", 10));
  }

  @Test
  void toMapWritesEnumsByTheirYamlName() {
    Solver s = SettingsBinder.bind(Solver.class, Map.of("precision", "FLOAT64"));
    assertThat(SettingsBinder.toMap(s).get("precision")).isEqualTo("float64");
  }

  @Test
  void aRecordSurvivesTheRoundTripThroughItsMap() {
    Solver s = SettingsBinder.bind(Solver.class, Map.of("lambda", 0.5, "maxIter", 7, "seed", 9, "verbose", true,
        "label", "x", "mode", "slow", "autoRho", Map.of("enabled", false, "period", 3),
        "cutoffs", List.of(0.1, 0.2), "weights", Map.of("a", 1), "free", List.of("p", 1)));
    assertThat(SettingsBinder.bind(Solver.class, SettingsBinder.toMap(s))).isEqualTo(s);
  }
}
