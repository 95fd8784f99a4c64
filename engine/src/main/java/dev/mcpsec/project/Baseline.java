package dev.mcpsec.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpsec.api.ConfigurationException;
import dev.mcpsec.api.Finding;
import dev.mcpsec.api.ScanResult;
import dev.mcpsec.json.JsonTrees;
import dev.mcpsec.rules.ProjectFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted findings of {@code .mcpsec/baseline.json}, by fingerprint, each with a reason and an
 * optional expiry date. See docs/configuration.md.
 */
public record Baseline(Map<String, Entry> entries, String file) {

    /** One accepted finding; {@code until} null means it never expires. */
    public record Entry(
            String fingerprint,
            String ruleId,
            String checklist,
            String file,
            String server,
            String reason,
            LocalDate until) {}

    public static Baseline empty() {
        return new Baseline(Map.of(), null);
    }

    /** The largest baseline file read, in bytes. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /**
     * Reads a baseline file; a missing explicit file is a configuration error, a missing default is
     * empty.
     */
    public static Baseline load(Path path, String display, boolean required) {
        return load(null, path, display, required);
    }

    /**
     * Reads a baseline file as {@link #load(Path, String, boolean)} does; below {@code projectRoot}
     * (when not null) it is read only inside the project and never through a symbolic link.
     */
    public static Baseline load(Path projectRoot, Path path, String display, boolean required) {
        byte[] bytes = ProjectFiles.read(projectRoot, path, display, "baseline", MAX_BYTES);
        if (bytes == null) {
            if (required) {
                throw new ConfigurationException(
                        "baseline", "baseline file " + display + " does not exist");
            }
            return empty();
        }
        JsonNode root;
        try {
            root = JsonTrees.read(bytes);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("baseline", JsonErrors.jsonError(display, e));
        } catch (IOException e) {
            throw new ConfigurationException(
                    "baseline", display + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("entries");
        if (list == null || !list.isArray()) {
            throw new ConfigurationException(
                    "baseline",
                    display + ": expected {\"entries\": [...]} (write one with 'mcpsec baseline')");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode e : list) {
            String fp = text(e, "fingerprint");
            if (fp == null || fp.isBlank()) {
                throw new ConfigurationException(
                        "baseline", display + ": entries[" + i + "] has no fingerprint");
            }
            LocalDate until = null;
            String u = text(e, "until");
            if (u != null && !u.isBlank()) {
                try {
                    until = LocalDate.parse(u);
                } catch (DateTimeParseException ex) {
                    throw new ConfigurationException(
                            "baseline",
                            display + ": entries[" + i + "].until must be a date like 2027-01-31");
                }
            }
            entries.put(
                    fp,
                    new Entry(
                            fp,
                            text(e, "ruleId"),
                            text(e, "checklist"),
                            text(e, "file"),
                            text(e, "server"),
                            text(e, "reason"),
                            until));
            i++;
        }
        return new Baseline(entries, display);
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Writes every finding of {@code result} (the reported ones and those the baseline already
     * suppresses) to the baseline file, keeping the reasons and expiry dates of entries it already
     * holds; returns how many it holds. Findings of the rules in {@code locked} (locked by a
     * bundle) are left out: those cannot be baselined. Below {@code projectRoot} (when not null)
     * the file is read and written only inside the project, never through a symbolic link.
     */
    public static int update(
            Path projectRoot, Path path, ScanResult result, java.util.Set<String> locked) {
        Baseline previous = load(projectRoot, path, path.toString(), false);
        List<Finding> all =
                new ArrayList<>(
                        result.findings().stream()
                                .filter(f -> !locked.contains(f.ruleId()))
                                .toList());
        result.suppressed().stream()
                .filter(s -> "baseline".equals(s.source()))
                .forEach(s -> all.add(s.finding()));
        return write(projectRoot, path, all, previous);
    }

    /**
     * Writes the findings as a baseline, keeping reasons and expiry dates of entries already there.
     */
    public static int write(Path path, List<Finding> findings, Baseline previous) {
        return write(null, path, findings, previous);
    }

    /**
     * Writes a baseline as {@link #write(Path, List, Baseline)} does, never through a link below
     * {@code projectRoot}.
     */
    public static int write(
            Path projectRoot, Path path, List<Finding> findings, Baseline previous) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        root.put(
                "note",
                "Accepted mcpsec findings. Fill in each reason; 'until' (yyyy-MM-dd) makes an entry expire.");
        ArrayNode arr = root.putArray("entries");
        List<String> seen = new ArrayList<>();
        for (Finding f : findings) {
            if (seen.contains(f.fingerprint())) {
                continue;
            }
            seen.add(f.fingerprint());
            Entry old = previous.entries().get(f.fingerprint());
            ObjectNode e = arr.addObject();
            e.put("fingerprint", f.fingerprint());
            e.put("ruleId", f.ruleId());
            e.put("checklist", f.checklist());
            e.put("file", f.file());
            e.put("server", f.server());
            e.put("reason", old == null || old.reason() == null ? "" : old.reason());
            e.put("until", old == null || old.until() == null ? null : old.until().toString());
        }
        try {
            ProjectFiles.write(
                    projectRoot, path, path.toString(), "baseline", mapper.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return seen.size();
    }
}
