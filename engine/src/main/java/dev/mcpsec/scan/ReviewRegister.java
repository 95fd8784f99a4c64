package dev.mcpsec.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.ReviewEntry;
import dev.mcpsec.facts.McpServer;
import dev.mcpsec.facts.ReviewRecord;
import dev.mcpsec.rules.RegisterFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The review register {@code .mcpsec/reviewed.json}: what was reviewed (package and version, image digest or remote
 * URL), by whom, when. See docs/review-register.md.
 */
public final class ReviewRegister {
    static final String FILE = ".mcpsec/reviewed.json";

    private ReviewRegister() {
    }

    public static List<ReviewEntry> read(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(RegisterFiles.read(file));
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("review", FILE + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException("review", FILE + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode list = node == null ? null : node.get("reviews");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException("review", FILE + ": expected {\"reviews\": [...]} (add entries with 'mcpsec review add')");
        }
        List<ReviewEntry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list) {
            String server = text(r, "server");
            if (server == null) {
                throw new ConfigurationException("review", FILE + ": reviews[" + i + "] has no \"server\"");
            }
            out.add(new ReviewEntry(server, text(r, "package"), text(r, "version"), text(r, "imageDigest"),
                    text(r, "url"), text(r, "repository"), text(r, "reviewer"), text(r, "date"), text(r, "note")));
            i++;
        }
        return out;
    }

    static List<ReviewRecord> records(Path root) {
        return read(root).stream().map(e -> new ReviewRecord(e.server(), e.packageName(), e.version(),
                e.imageDigest(), e.url(), e.repository(), e.reviewer(), e.date(), e.note())).toList();
    }

    /** Adds or replaces the entry for the same server and package. */
    public static void add(Path root, ReviewEntry entry) {
        List<ReviewEntry> all = new ArrayList<>(read(root));
        all.removeIf(e -> e.server().equals(entry.server()) && Objects.equals(e.packageName(), entry.packageName())
                && Objects.equals(e.url(), entry.url()));
        all.add(entry);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode rootNode = mapper.createObjectNode();
        ArrayNode arr = rootNode.putArray("reviews");
        for (ReviewEntry e : all) {
            ObjectNode o = arr.addObject();
            o.put("server", e.server());
            o.put("package", e.packageName());
            o.put("version", e.version());
            o.put("imageDigest", e.imageDigest());
            o.put("url", e.url());
            o.put("repository", e.repository());
            o.put("reviewer", e.reviewer());
            o.put("date", e.date());
            o.put("note", e.note());
        }
        try {
            Files.createDirectories(root.resolve(".mcpsec"));
            mapper.writeValue(root.resolve(FILE).toFile(), rootNode);
        } catch (IOException e) {
            throw new ConfigurationException("review", "cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** {@code reviewed}, {@code changed} or {@code unreviewed}, by the same test the source-reviewed rule makes. */
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
            return s.packageName() + (s.imageDigest() != null ? "@" + s.imageDigest()
                    : s.packageVersion() != null ? "@" + s.packageVersion() : "");
        }
        return s.url() != null ? s.url() : s.command();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }
}
