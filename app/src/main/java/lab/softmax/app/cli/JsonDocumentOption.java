package lab.softmax.app.cli;

import picocli.CommandLine.Option;

/** {@code --json} for a command that prints one JSON document instead of a table. */
public final class JsonDocumentOption {
    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    public boolean on() { return json; }
}
