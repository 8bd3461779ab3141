package lab.softmax.app.cli;

import picocli.CommandLine.Option;

/** {@code --json} for a command that streams: one JSON object per line, flushed as produced. */
public final class JsonLinesOption {
    @Option(names = "--json", description = "Stream JSON Lines: one object per line as it is produced, then {\"done\":true,...}.")
    boolean json;

    public boolean on() { return json; }
}
