package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sparsecode.api.Plugin;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.PluginCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparsecode plugins}: every plugin on the class path, grouped by role (the YAML block it goes in),
 * with its description and its settings keys, types and defaults ({@link PluginCatalog}).
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
    PluginRegistry registry = PluginRegistry.load();
    if (role != null) {
      List<Plugin<?>> some = registry.all().stream().filter(p -> PluginRegistry.roleName(p.role()).equals(role))
          .toList();
      if (some.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no plugins of role '" + role + "'");
      }
      registry = PluginRegistry.of(some);
    }
    out.print(PluginCatalog.describe(registry));
    out.flush();
    return 0;
  }
}
