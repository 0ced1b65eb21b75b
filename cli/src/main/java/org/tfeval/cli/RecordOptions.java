package org.tfeval.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Which stored record a command acts on: its form and key. */
public final class RecordOptions {
    @Option(names = "--form", required = true, description = "The record's form.")
    String form;

    @Option(
            names = "--id",
            required = true,
            paramLabel = "KEY",
            description = "The record's key; parts of a composite key separated by /.")
    String id;

    /** The key's parts. */
    List<String> key() {
        return Arrays.asList(id.split("/"));
    }
}
