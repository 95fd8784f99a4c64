package dev.mcpsec.cli;

import dev.mcpsec.testsupport.ReportSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON report a CLI test produces, on standard output or under {@code --output}, is validated
 * against the published schema {@code docs/schema/report-<schemaVersion>.json} it names, by the
 * shared {@link ReportSchemas} of mcpsec-test-support.
 */
final class JsonReportSchema {
    private JsonReportSchema() {}

    static void checkReportsOf(Cli.Run run, Path workingDirectory, String... args) {
        // a usage or internal error (exit 2 or 3) writes no report
        if (run.code() > 1
                || args.length == 0
                || !args[0].equals("scan")
                || !formats(args).contains("json")) {
            return;
        }
        String output = value(args, "--output", "-o");
        if (output == null) {
            if (run.out().startsWith("{")) {
                validate(run.out(), "standard output");
            }
            return;
        }
        Path target = workingDirectory.resolve(output);
        Path file = Files.isDirectory(target) ? target.resolve("mcpsec.json") : target;
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(
                    "scan with --format json and --output exited "
                            + run.code()
                            + " without "
                            + file);
        }
        try {
            validate(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void validate(String report, String where) {
        ReportSchemas.assertValidJsonReport(report, "on " + where);
    }

    private static List<String> formats(String[] args) {
        List<String> formats = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--format") || a.equals("-f")) && i + 1 < args.length) {
                formats.addAll(List.of(args[i + 1].toLowerCase().split(",")));
            } else if (a.startsWith("--format=")) {
                formats.addAll(List.of(a.substring(9).toLowerCase().split(",")));
            }
        }
        return formats;
    }

    private static String value(String[] args, String... names) {
        for (int i = 0; i < args.length; i++) {
            for (String n : names) {
                if (args[i].equals(n) && i + 1 < args.length) {
                    return args[i + 1];
                }
                if (args[i].startsWith(n + "=")) {
                    return args[i].substring(n.length() + 1);
                }
            }
        }
        return null;
    }
}
