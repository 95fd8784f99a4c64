package dev.mcpsec.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.api.ReviewStatus;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.json.JsonTrees;
import dev.mcpsec.rules.ProjectFiles;
import dev.mcpsec.secrets.Masker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The review register {@code .mcpsec/reviewed.json}: what was reviewed (package and version, image
 * digest or remote URL), by whom, when. See docs/configuration.md.
 */
public final class ReviewRegister {
    static final String FILE = ".mcpsec/reviewed.json";
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private ReviewRegister() {}

    public static List<ReviewEntry> read(Path root) {
        byte[] bytes = ProjectFiles.read(root, root.resolve(FILE), FILE, "review", MAX_BYTES);
        if (bytes == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JsonTrees.read(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("review", JsonErrors.jsonError(FILE, e));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "review", FILE + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode list = node == null ? null : node.get("reviews");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException(
                    "review",
                    FILE
                            + ": expected {\"reviews\": [...]} (add entries with 'mcpsec review add')");
        }
        List<ReviewEntry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list) {
            String server = text(r, "server");
            if (server == null) {
                throw new ConfigurationException(
                        "review", FILE + ": reviews[" + i + "] has no \"server\"");
            }
            // a register written before values were masked may hold a credential in a URL or
            // package spec
            out.add(
                    new ReviewEntry(
                            server,
                            Masker.display(text(r, "package")),
                            Masker.display(text(r, "version")),
                            text(r, "imageDigest"),
                            Masker.display(text(r, "url")),
                            Masker.display(text(r, "repository")),
                            text(r, "reviewer"),
                            text(r, "date"),
                            Masker.display(text(r, "note"))));
            i++;
        }
        return out;
    }

    static List<ReviewRecord> records(Path root, java.time.Clock clock) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return read(root).stream()
                .map(
                        e ->
                                new ReviewRecord(
                                        e.server(),
                                        e.packageName(),
                                        e.version(),
                                        e.imageDigest(),
                                        e.url(),
                                        e.repository(),
                                        e.reviewer(),
                                        e.date(),
                                        e.note(),
                                        ageDays(e.date(), today)))
                .toList();
    }

    /** Whole days from a review date to today, or -1 when the date is missing or not yyyy-MM-dd. */
    static int ageDays(String date, java.time.LocalDate today) {
        if (date == null) {
            return -1;
        }
        try {
            return (int)
                    java.time.temporal.ChronoUnit.DAYS.between(
                            java.time.LocalDate.parse(date.trim()), today);
        } catch (java.time.format.DateTimeParseException e) {
            return -1;
        }
    }

    /**
     * Records a review of the server named {@code server} among {@code servers} (those configured
     * under {@code root}), dated {@code today}: what it launches now (package and version, image
     * digest, or URL) is what was reviewed.
     */
    public static ReviewEntry add(
            Path root,
            List<McpServer> servers,
            String server,
            String reviewer,
            String note,
            String repository,
            LocalDate today) {
        List<McpServer> matches = servers.stream().filter(s -> s.name().equals(server)).toList();
        if (matches.isEmpty()) {
            throw new ConfigurationException(
                    "server",
                    "no server named '"
                            + server
                            + "' is configured under "
                            + root
                            + " (see 'mcpsec review list')");
        }
        McpServer s = matches.get(0);
        ReviewEntry entry =
                new ReviewEntry(
                        s.name(),
                        s.packageName() != null
                                ? s.packageName()
                                : s.url() == null ? s.command() : null,
                        s.packageVersion(),
                        s.imageDigest(),
                        s.packageName() == null ? s.url() : null,
                        repository,
                        reviewer,
                        today.toString(),
                        note);
        add(root.toAbsolutePath().normalize(), entry);
        return entry;
    }

    /** Review state of every server in {@code servers}, as the source-reviewed rule sees it. */
    public static List<ReviewStatus> statuses(Path root, List<McpServer> servers) {
        List<ReviewEntry> entries = read(root);
        List<ReviewStatus> out = new ArrayList<>();
        for (McpServer s : servers) {
            String state = state(s, entries);
            ReviewEntry entry =
                    entries.stream()
                            .filter(e -> e.server().equals(s.name()))
                            .filter(e -> "changed".equals(state) || matches(s, e))
                            .findFirst()
                            .orElse(null);
            out.add(new ReviewStatus(s.name(), s.file(), state, entry, launched(s)));
        }
        return out;
    }

    /** Adds or replaces the entry for the same server and package. */
    public static void add(Path root, ReviewEntry entry) {
        List<ReviewEntry> all = new ArrayList<>(read(root));
        all.removeIf(
                e ->
                        e.server().equals(entry.server())
                                && Objects.equals(e.packageName(), entry.packageName())
                                && Objects.equals(e.url(), entry.url()));
        all.add(entry);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode rootNode = mapper.createObjectNode();
        ArrayNode arr = rootNode.putArray("reviews");
        for (ReviewEntry e : all) {
            ObjectNode o = arr.addObject();
            o.put("server", e.server());
            o.put("package", Masker.display(e.packageName()));
            o.put("version", Masker.display(e.version()));
            o.put("imageDigest", e.imageDigest());
            o.put("url", Masker.display(e.url()));
            o.put("repository", Masker.display(e.repository()));
            o.put("reviewer", e.reviewer());
            o.put("date", e.date());
            o.put("note", Masker.display(e.note()));
        }
        try {
            ProjectFiles.write(
                    root, root.resolve(FILE), FILE, "review", mapper.writeValueAsBytes(rootNode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code reviewed}, {@code changed} or {@code unreviewed}, by the same test the source-reviewed
     * rule makes.
     */
    static String state(McpServer s, List<ReviewEntry> entries) {
        boolean any = false;
        for (ReviewEntry e : entries) {
            if (!e.server().equals(s.name())) {
                continue;
            }
            any = true;
            if (matches(s, e)) {
                return "reviewed";
            }
        }
        return any ? "changed" : "unreviewed";
    }

    static boolean matches(McpServer s, ReviewEntry e) {
        if (s.packageName() != null) {
            if (!s.packageName().equals(e.packageName())) {
                return false;
            }
            if (s.imageDigest() != null) {
                return s.imageDigest().equals(e.imageDigest());
            }
            return Objects.equals(s.packageVersion(), e.version());
        }
        if (s.url() != null) {
            return s.url().equals(e.url());
        }
        return Objects.equals(s.command(), e.packageName());
    }

    static String launched(McpServer s) {
        if (s.packageName() != null) {
            return s.packageName()
                    + (s.imageDigest() != null
                            ? "@" + s.imageDigest()
                            : s.packageVersion() != null ? "@" + s.packageVersion() : "");
        }
        return s.url() != null ? s.url() : s.command();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
