package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sparsecode.api.Plugin;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.experiments.results.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparsecode plugins}: every plugin on the class path, grouped by role (the YAML block it goes in),
 * with its description and its settings keys, types and defaults.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "Lists every plugin found on the class path: role, name, description, settings and defaults.")
final class PluginsCommand implements Callable<Integer> {

  @Option(names = "--role", paramLabel = "ROLE",
      description = "Only this role (images, dictionary, learning, solver, metric, preprocess).")
  String role;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Plugin<?>> plugins = PluginRegistry.load().all();
    String current = null;
    for (Plugin<?> p : plugins) {
      String roleName = PluginRegistry.roleName(p.role());
      if (role != null && !role.equals(roleName)) {
        continue;
      }
      if (!roleName.equals(current)) {
        out.println((current == null ? "" : "\n") + roleName + ":");
        current = roleName;
      }
      out.println("  " + p.name() + (p.description().isEmpty() ? "" : "  -  " + p.description()));
      List<SettingsBinder.Key> keys = SettingsBinder.keys(p.settings());
      for (SettingsBinder.Key k : keys) {
        String value = k.required() ? "required" : k.defaultValue() == null ? "no default"
            : "default " + Json.canonical(k.defaultValue());
        out.println("      " + k.name() + " (" + k.type() + "): " + value);
      }
    }
    if (current == null) {
      out.println(role == null ? "no plugins found on the class path" : "no plugins of role '" + role + "'");
    }
    out.flush();
    return 0;
  }
}
