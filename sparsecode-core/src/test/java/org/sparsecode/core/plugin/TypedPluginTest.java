package org.sparsecode.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;

class TypedPluginTest {

  record Greeting(String word) {}

  record Other(int n) {}

  /** A plugin of role CharSequence whose instance is the settings' word, repeated. */
  static final class EchoPlugin extends TypedPlugin<CharSequence, Greeting> {
    EchoPlugin() {
      super("echo", CharSequence.class, Greeting.class, "repeats the word twice");
    }

    @Override
    protected CharSequence build(Greeting settings, PluginContext context) {
      return settings.word() + settings.word();
    }
  }

  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  @Test
  void createWithTheSettingsRecordBuilds() {
    assertThat(new EchoPlugin().create(new Greeting("ab"), CONTEXT)).isEqualTo("abab");
  }

  @Test
  void aWrongSettingsTypeIsAConfigExceptionNamingThePlugin() {
    EchoPlugin plugin = new EchoPlugin();
    assertThatThrownBy(() -> plugin.create(new Other(1), CONTEXT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("echo expects Greeting, got ")
        .hasMessageContaining(Other.class.getName())
        .extracting(e -> ((ConfigException) e).key()).isEqualTo("type");
    assertThatThrownBy(() -> plugin.create(null, CONTEXT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("echo expects Greeting, got null");
  }

  @Test
  void nameRoleSettingsAndDescriptionComeFromTheConstructor() {
    EchoPlugin plugin = new EchoPlugin();
    assertThat(plugin.name()).isEqualTo("echo");
    assertThat(plugin.role()).isEqualTo(CharSequence.class);
    assertThat(plugin.settings()).isEqualTo(Greeting.class);
    assertThat(plugin.description()).isEqualTo("repeats the word twice");
  }
}
