package org.tfeval.cli;

import picocli.CommandLine;

/** Registers the statistics commands (fit, km, xtab, agree), which work on any CSV without a study. */
final class StatsCommands {
    private StatsCommands() {
    }

    static void register(CommandLine cl) {
        for (String name : new String[] {"FitCommand", "KmCommand", "XtabCommand", "AgreeCommand"}) {
            try {
                Class<?> c = Class.forName("org.tfeval.cli.stats." + name);
                cl.addSubcommand(c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                // the statistics commands are optional in a build without them
            }
        }
    }
}
