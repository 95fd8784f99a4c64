package dev.mcpsec.supply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpsec.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads advisories in the OSV schema (https://ossf.github.io/osv-schema/) from a JSON file (one
 * record, or an array of records), a folder of such files (searched recursively) or a zip as OSV
 * publishes its exports ({@code all.zip}, one record per entry). A file named {@code
 * mcpsec-advisories.json} is not a record: it may carry {@code assembled}, the date the data set
 * was put together. Withdrawn records are skipped.
 */
public final class OsvReader {
    /** The optional description of a data set that sits next to its records. */
    public static final String MANIFEST = "mcpsec-advisories.json";

    private static final long MAX_FILE = 64L * 1024 * 1024;
    private static final long MAX_ENTRY = 8L * 1024 * 1024;

    private OsvReader() {}

    /** Reads every record under {@code path}, keeping all. */
    public static AdvisorySet read(Path path) {
        return read(path, a -> true);
    }

    /**
     * Reads every record under {@code path} and keeps those with an affected package that {@code
     * keep} accepts.
     *
     * @throws AdvisoryException when the path cannot be read or a record is not valid OSV JSON
     */
    public static AdvisorySet read(Path path, Predicate<Advisory.Affected> keep) {
        return read(path, "", keep);
    }

    /**
     * Like {@link #read(Path, Predicate)}; in a zip or jar only entries under {@code entryPrefix}
     * are read.
     */
    public static AdvisorySet read(
            Path path, String entryPrefix, Predicate<Advisory.Affected> keep) {
        Collector c = new Collector(path.toString(), keep);
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path f :
                            walk.filter(Files::isRegularFile)
                                    .filter(
                                            f ->
                                                    f.getFileName()
                                                            .toString()
                                                            .toLowerCase(Locale.ROOT)
                                                            .endsWith(".json"))
                                    .sorted()
                                    .toList()) {
                        if (Files.size(f) > MAX_FILE) {
                            throw new AdvisoryException(
                                    f + " is larger than " + MAX_FILE + " bytes");
                        }
                        c.accept(f.toString(), f.getFileName().toString(), Files.readAllBytes(f));
                    }
                }
            } else if (Files.isRegularFile(path) && isZip(path)) {
                readZip(path, entryPrefix, c);
            } else if (Files.isRegularFile(path)) {
                if (Files.size(path) > MAX_FILE) {
                    throw new AdvisoryException(path + " is larger than " + MAX_FILE + " bytes");
                }
                c.accept(path.toString(), path.getFileName().toString(), Files.readAllBytes(path));
            } else {
                throw new AdvisoryException("advisory path " + path + " does not exist");
            }
        } catch (IOException e) {
            throw new AdvisoryException(
                    "cannot read advisories from " + path + ": " + e.getMessage(), e);
        }
        return c.result();
    }

    private static boolean isZip(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".jar");
    }

    private static void readZip(Path path, String prefix, Collector c) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<? extends ZipEntry> entries =
                    zip.stream()
                            .filter(e -> !e.isDirectory())
                            .filter(e -> e.getName().startsWith(prefix))
                            .filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".json"))
                            .toList();
            for (ZipEntry e : entries) {
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = in.readNBytes((int) MAX_ENTRY + 1);
                    if (bytes.length > MAX_ENTRY) {
                        throw new AdvisoryException(
                                path
                                        + "!/"
                                        + e.getName()
                                        + " is larger than "
                                        + MAX_ENTRY
                                        + " bytes");
                    }
                    String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                    c.accept(path + "!/" + e.getName(), name, bytes);
                }
            }
        }
    }

    /** Accumulates the records of one source. */
    private static final class Collector {
        private final String origin;
        private final Predicate<Advisory.Affected> keep;
        private final List<Advisory> kept = new ArrayList<>();
        private int total;
        private Instant newest;
        private Instant assembled;

        Collector(String origin, Predicate<Advisory.Affected> keep) {
            this.origin = origin;
            this.keep = keep;
        }

        void accept(String file, String simpleName, byte[] bytes) {
            JsonNode node;
            try {
                node = JsonTrees.read(bytes);
            } catch (JsonProcessingException e) {
                throw new AdvisoryException(
                        file
                                + ":"
                                + e.getLocation().getLineNr()
                                + ": not valid JSON: "
                                + e.getOriginalMessage());
            } catch (IOException e) {
                throw new AdvisoryException(file + ": " + e.getMessage(), e);
            }
            if (MANIFEST.equals(simpleName)) {
                String date = node.path("assembled").asText(null);
                if (date == null) {
                    throw new AdvisoryException(
                            file + ": \"assembled\" (a date, e.g. 2026-11-26) is required");
                }
                assembled = instant(date, file + ": \"assembled\"");
                return;
            }
            if (node.isArray()) {
                for (JsonNode n : node) {
                    record(n, file);
                }
            } else {
                record(node, file);
            }
        }

        private void record(JsonNode n, String file) {
            if (!n.isObject() || !n.path("id").isTextual() || n.path("id").asText().isBlank()) {
                throw new AdvisoryException(
                        file + ": not an OSV record (an object with an \"id\")");
            }
            String id = n.get("id").asText();
            if (n.hasNonNull("withdrawn")) {
                return;
            }
            total++;
            String modified = n.path("modified").asText(null);
            if (modified != null) {
                Instant m = instant(modified, file + ": \"modified\" of " + id);
                if (newest == null || m.isAfter(newest)) {
                    newest = m;
                }
            }
            List<Advisory.Affected> affected = new ArrayList<>();
            for (JsonNode a : n.path("affected")) {
                String eco = a.path("package").path("ecosystem").asText(null);
                String name = a.path("package").path("name").asText(null);
                if (eco == null || name == null) {
                    continue;
                }
                List<Advisory.Range> ranges = new ArrayList<>();
                for (JsonNode r : a.path("ranges")) {
                    List<Advisory.Event> events = new ArrayList<>();
                    for (JsonNode ev : r.path("events")) {
                        ev.properties()
                                .forEach(
                                        f ->
                                                events.add(
                                                        new Advisory.Event(
                                                                f.getKey(),
                                                                f.getValue().asText())));
                    }
                    ranges.add(new Advisory.Range(r.path("type").asText("ECOSYSTEM"), events));
                }
                List<String> versions = new ArrayList<>();
                a.path("versions").forEach(v -> versions.add(v.asText()));
                affected.add(new Advisory.Affected(eco, name, ranges, versions));
            }
            if (affected.stream().noneMatch(keep)) {
                return;
            }
            List<String> aliases = new ArrayList<>();
            n.path("aliases").forEach(v -> aliases.add(v.asText()));
            List<String> refs = new ArrayList<>();
            for (String preferred : new String[] {"ADVISORY", null}) {
                for (JsonNode r : n.path("references")) {
                    String url = r.path("url").asText(null);
                    if (url != null
                            && !refs.contains(url)
                            && (preferred == null || preferred.equals(r.path("type").asText()))) {
                        refs.add(url);
                    }
                }
            }
            String kind = n.path("database_specific").path("mcpsec").path("kind").asText(null);
            if (kind == null) {
                kind = id.startsWith("MAL-") ? "malicious" : "vulnerable";
            } else if (!List.of("vulnerable", "malicious", "archived").contains(kind)) {
                throw new AdvisoryException(
                        file
                                + ": "
                                + id
                                + ": database_specific.mcpsec.kind must be vulnerable, "
                                + "malicious or archived, not \""
                                + kind
                                + "\"");
            }
            String summary = n.path("summary").asText(null);
            if (summary == null || summary.isBlank()) {
                String details = n.path("details").asText(id);
                summary = details.lines().findFirst().orElse(id);
            }
            kept.add(
                    new Advisory(
                            id, aliases, kind, summary.strip(), modified, affected, refs, file));
        }

        AdvisorySet result() {
            return new AdvisorySet(origin, total, kept, assembled != null ? assembled : newest);
        }
    }

    static Instant instant(String text, String what) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdvisoryException(what + " is not an RFC 3339 timestamp or a date: " + text);
        }
    }
}
