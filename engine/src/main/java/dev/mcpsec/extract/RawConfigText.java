package dev.mcpsec.extract;

import dev.mcpsec.facts.Credential;
import dev.mcpsec.secrets.DbUrl;
import dev.mcpsec.secrets.Detection;
import dev.mcpsec.secrets.Fingerprinter;
import dev.mcpsec.secrets.SecretDetector;
import dev.mcpsec.secrets.ValueAnalysis;
import dev.mcpsec.secrets.ValueContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret search over the raw text of a config that could not be read completely (issue: a file
 * a client reads but the parser refuses must not hide a key). Reads at most {@code maxFileBytes},
 * decodes bad bytes as U+FFFD and looks at quoted {@code "name": "value"} pairs, {@code name =
 * value} / {@code name: value} lines and every other quoted string. Every pattern is bounded, so
 * the search is linear in the text.
 */
public final class RawConfigText {
    /**
     * {@code "name" : "value"} or {@code 'name' = 'value'} anywhere (minified JSON has one line).
     */
    private static final Pattern QUOTED_PAIR =
            Pattern.compile(
                    "([\"'])([A-Za-z_][A-Za-z0-9_.-]{0,127})\\1[ \\t]*+[:=][ \\t]*+([\"'])([^\"'\\r\\n]{1,4096})\\3");

    /** {@code name: value} or {@code name = value} as a whole line (YAML, TOML, env style). */
    private static final Pattern LINE_PAIR =
            Pattern.compile(
                    "^[ \\t]*+(?:-[ \\t]++)?+[\"']?([A-Za-z_][A-Za-z0-9_.-]{0,127})[\"']?[ \\t]*+[:=][ \\t]*+(.{1,4096}?)[ \\t,]*+$");

    /** Any other quoted string long enough to be a key (arguments, URLs). */
    private static final Pattern QUOTED = Pattern.compile("([\"'])([^\"'\\r\\n]{8,4096})\\1");

    private final SecretDetector detector;
    private final Fingerprinter fingerprinter;
    private final long maxBytes;

    public RawConfigText(SecretDetector detector, Fingerprinter fingerprinter, long maxBytes) {
        this.detector = detector;
        this.fingerprinter = fingerprinter;
        this.maxBytes = maxBytes;
    }

    /** The first {@code maxBytes} of a regular file, or null when it cannot be read. */
    public byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /**
     * Credentials in {@code content} whose fingerprint is not in {@code known} (those the parsed
     * part already gave).
     */
    public List<Credential> search(
            String file,
            String client,
            byte[] content,
            boolean tracked,
            boolean ignored,
            Set<String> known) {
        String text = decode(content);
        int[] lineStarts = lineStarts(text);
        Set<String> seen = new HashSet<>(known);
        List<Credential> out = new ArrayList<>();
        Matcher pair = QUOTED_PAIR.matcher(text);
        while (pair.find()) {
            inspect(
                    file,
                    client,
                    pair.group(2),
                    pair.group(4),
                    pair.start(4),
                    ValueContext.ENV,
                    text,
                    lineStarts,
                    tracked,
                    ignored,
                    seen,
                    out);
        }
        Matcher line = LINE_PAIR.matcher("");
        for (int i = 0; i < lineStarts.length; i++) {
            int start = lineStarts[i];
            int end = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length();
            if (end - start > 8192) {
                continue;
            }
            line.reset(text.substring(start, end).replace("\r", ""));
            if (line.matches()) {
                String value = unquote(line.group(2));
                inspect(
                        file,
                        client,
                        line.group(1),
                        value,
                        start + line.start(2),
                        ValueContext.ENV,
                        text,
                        lineStarts,
                        tracked,
                        ignored,
                        seen,
                        out);
            }
        }
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            inspect(
                    file,
                    client,
                    null,
                    quoted.group(2),
                    quoted.start(2),
                    ValueContext.ARG,
                    text,
                    lineStarts,
                    tracked,
                    ignored,
                    seen,
                    out);
        }
        return out;
    }

    private void inspect(
            String file,
            String client,
            String name,
            String value,
            int offset,
            ValueContext context,
            String text,
            int[] lineStarts,
            boolean tracked,
            boolean ignored,
            Set<String> seen,
            List<Credential> out) {
        if (value.isBlank()) {
            return;
        }
        ValueAnalysis a = detector.analyze(name, value, context);
        List<Detection> found = new ArrayList<>(a.detections());
        for (DbUrl db : a.databases()) {
            if (db.password() != null) {
                found.add(db.password());
            }
        }
        for (Detection d : found) {
            String fp = fingerprinter.fingerprint(d.secret());
            if (!seen.add(fp)) {
                continue;
            }
            int at = offset + Math.max(0, d.start());
            int lineIndex = lineOf(lineStarts, at);
            int line = lineIndex + 1;
            int column = at - lineStarts[lineIndex] + 1;
            out.add(
                    Credential.builder()
                            .file(file)
                            .line(line)
                            .column(column)
                            .server(null)
                            .client(client)
                            .location("raw:" + line + ":" + column)
                            .variable(name)
                            .kind(d.kind())
                            .tier(d.tier())
                            .masked(d.masked())
                            .fingerprint(fp)
                            .detector("raw-text " + d.detector())
                            .confidence(d.confidence())
                            .expiring(d.expiring())
                            .tracked(tracked)
                            .ignored(ignored)
                            .reference(
                                    ReferenceSyntax.suggest(client, name == null ? "SECRET" : name))
                            .build());
        }
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2
                && (s.charAt(0) == '"' || s.charAt(0) == '\'')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineOf(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
