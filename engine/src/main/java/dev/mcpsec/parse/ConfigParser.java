package dev.mcpsec.parse;

import dev.mcpsec.api.ScanLimits;
import dev.mcpsec.discovery.CatalogEntry;
import dev.mcpsec.discovery.DiscoveredFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The single entry point from a discovered file (or a historical blob) to its {@link
 * ConfigDocument}.
 */
public final class ConfigParser {

    private ConfigParser() {}

    /** Reads and parses a file on disk; its size is checked before a byte is read. */
    public static ConfigDocument parse(DiscoveredFile file, ScanLimits limits) {
        CatalogEntry entry = file.entry();
        String error;
        String limitHit = null;
        try {
            long size = Files.size(file.path());
            if (size > limits.maxFileBytes()) {
                error =
                        "0:0: file is "
                                + size
                                + " bytes, over the limit of "
                                + limits.maxFileBytes()
                                + " bytes (maxFileBytes); not parsed";
                limitHit = "maxFileBytes";
            } else {
                return parse(
                        file.displayPath(),
                        entry,
                        Files.readAllBytes(file.path()),
                        file.scope(),
                        limits);
            }
        } catch (IOException | SecurityException e) {
            error = "0:0: cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        return new ConfigDocument(
                file.displayPath(),
                entry.client(),
                file.scope(),
                entry.format(),
                entry.kind(),
                List.of(),
                List.of(),
                error,
                List.of(),
                limitHit);
    }

    /** Parses content already in memory, e.g. a blob from git history. */
    public static ConfigDocument parse(
            String displayPath,
            CatalogEntry entry,
            byte[] content,
            String scope,
            ScanLimits limits) {
        if ("script".equals(entry.format())) {
            return new ConfigDocument(
                    displayPath,
                    entry.client(),
                    scope,
                    entry.format(),
                    entry.kind(),
                    List.of(),
                    scriptLines(displayPath, content),
                    null,
                    List.of(),
                    null,
                    null,
                    List.of());
        }
        ReadResult read = PositionalReader.read(content, entry.format(), limits);
        List<String> warnings = new ArrayList<>(read.warnings());
        if (read.error() != null) {
            return new ConfigDocument(
                    displayPath,
                    entry.client(),
                    scope,
                    entry.format(),
                    entry.kind(),
                    List.of(),
                    List.of(),
                    read.error(),
                    List.copyOf(warnings),
                    read.limitHit());
        }
        ClientAdapters.Parsed parsed =
                ClientAdapters.apply(
                        entry.shape(), read.root(), entry.client(), limits.maxServers(), warnings);
        String incomplete = read.incomplete();
        if (incomplete == null) {
            incomplete =
                    warnings.stream()
                            .filter(w -> w.contains("(maxServers)"))
                            .findFirst()
                            .orElse(null);
        }
        return new ConfigDocument(
                displayPath,
                entry.client(),
                scope,
                entry.format(),
                entry.kind(),
                parsed.servers(),
                parsed.settings(),
                null,
                List.copyOf(warnings),
                null,
                incomplete,
                parsed.values());
    }

    /**
     * A hook script (Cline's {@code .clinerules/hooks/<HookName>}): one setting {@code
     * hooks.<HookName>.script} per non-blank line, at its line and first column, for {@code
     * SettingFacts} to rate as one command; a file with a NUL byte is one line {@code (binary
     * file)}.
     */
    static List<SettingEntry> scriptLines(String displayPath, byte[] content) {
        String name = displayPath.substring(displayPath.replace('\\', '/').lastIndexOf('/') + 1);
        if (name.endsWith(".ps1")) {
            name = name.substring(0, name.length() - 4);
        }
        String key = "hooks." + name + ".script";
        List<SettingEntry> out = new ArrayList<>();
        for (byte b : content) {
            if (b == 0) {
                out.add(new SettingEntry(key, "(binary file)", null, 1, 1));
                return List.copyOf(out);
            }
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                out.add(
                        new SettingEntry(
                                key, line, null, i + 1, lines[i].indexOf(line.charAt(0)) + 1));
            }
        }
        return List.copyOf(out);
    }
}
