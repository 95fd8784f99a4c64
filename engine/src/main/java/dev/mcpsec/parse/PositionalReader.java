package dev.mcpsec.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.mcpsec.api.ScanLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON/JSONC, YAML and TOML bytes into a {@link PNode} tree with 1-based positions, under the
 * scan limits. Every failure becomes a {@code line:column: message} error; nothing escapes as an
 * exception.
 */
public final class PositionalReader {

    private static final int MAX_MESSAGE = 160;

    private PositionalReader() {}

    /**
     * Reads {@code content} as {@code format} ({@code json}, {@code jsonc}, {@code yaml} or {@code
     * toml}).
     */
    public static ReadResult read(byte[] content, String format, ScanLimits limits) {
        List<String> warnings = new ArrayList<>();
        if (content.length > limits.maxFileBytes()) {
            return new ReadResult(
                    null,
                    "0:0: file is "
                            + content.length
                            + " bytes, over the limit of "
                            + limits.maxFileBytes()
                            + " bytes (maxFileBytes); not parsed",
                    warnings,
                    "maxFileBytes");
        }
        int start = 0;
        if (content.length >= 2
                && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                        || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return new ReadResult(
                    null,
                    "1:1: UTF-16 text (byte order mark) is not supported; save the file as UTF-8",
                    warnings);
        }
        if (content.length >= 3
                && content[0] == (byte) 0xEF
                && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF) {
            start = 3;
            warnings.add("UTF-8 byte order mark ignored");
        }
        for (int i = start; i < content.length; i++) {
            if (content[i] == 0) {
                return new ReadResult(
                        null,
                        position(content, start, i) + ": binary content (NUL byte); not parsed",
                        warnings);
            }
        }
        String text;
        String incomplete = null;
        try {
            text = decodeUtf8(content, start);
        } catch (BadByte e) {
            // Clients decode such bytes somehow and go on; so does mcpsec, and the file is reported
            // as not read
            // exactly, so a key next to a stray byte is still checked.
            incomplete =
                    position(content, start, e.offset)
                            + ": not valid UTF-8; bad bytes read as U+FFFD";
            warnings.add(incomplete);
            text = decodeUtf8Leniently(content, start);
        }
        if (text.isBlank()) {
            warnings.add("empty file");
            return new ReadResult(null, null, warnings);
        }
        try {
            PNode root =
                    switch (format) {
                        case "toml" -> TomlTreeReader.read(text, limits);
                        case "yaml" -> YamlTreeReader.read(text, limits, warnings);
                        default -> readStreaming(jsonFactory(limits), text, limits, warnings);
                    };
            if (root == null) {
                warnings.add("empty file");
            }
            return new ReadResult(root, null, warnings, null, incomplete);
        } catch (JacksonException e) {
            return new ReadResult(null, errorOf(e), warnings);
        } catch (DepthException e) {
            return new ReadResult(null, e.getMessage(), warnings, "maxNestingDepth");
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            org.yaml.snakeyaml.error.Mark mark =
                    e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where =
                    mark == null ? "0:0" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            return new ReadResult(null, where + ": " + clean(problem), warnings);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("Nesting Depth exceeded")) {
                return new ReadResult(
                        null,
                        "0:0: nesting deeper than "
                                + limits.maxNestingDepth()
                                + " levels (maxNestingDepth); not parsed",
                        warnings,
                        "maxNestingDepth");
            }
            return new ReadResult(
                    null, (m.matches("^\\d+:\\d+: .*") ? "" : "0:0: ") + clean(m), warnings);
        } catch (IOException | RuntimeException e) {
            return new ReadResult(
                    null,
                    "0:0: " + clean(e.getClass().getSimpleName() + ": " + e.getMessage()),
                    warnings);
        }
    }

    private static PNode readStreaming(
            JsonFactory factory, String text, ScanLimits limits, List<String> warnings)
            throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            PNode root = readValue(p, t, 0, limits.maxNestingDepth(), warnings);
            JsonToken after = p.nextToken();
            if (after != null) {
                warnings.add(
                        p.currentTokenLocation().getLineNr()
                                + ":"
                                + p.currentTokenLocation().getColumnNr()
                                + ": content after the first document ignored");
            }
            return root;
        }
    }

    private static PNode readValue(
            JsonParser p, JsonToken t, int depth, int maxDepth, List<String> warnings)
            throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= maxDepth) {
            throw new DepthException(
                    line
                            + ":"
                            + col
                            + ": nesting deeper than "
                            + maxDepth
                            + " levels (maxNestingDepth); not parsed");
        }
        switch (t) {
            case START_OBJECT:
                {
                    Map<String, PNode> fields = PNode.newFields();
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonLocation keyAt = p.currentTokenLocation();
                        PNode value = readValue(p, p.nextToken(), depth + 1, maxDepth, warnings);
                        value.keyAt(keyAt.getLineNr(), keyAt.getColumnNr());
                        if (fields.put(name, value) != null) {
                            warnings.add(
                                    keyAt.getLineNr()
                                            + ":"
                                            + keyAt.getColumnNr()
                                            + ": duplicate key \""
                                            + clean(name)
                                            + "\"; the last one counts");
                        }
                    }
                    return PNode.object(fields, line, col);
                }
            case START_ARRAY:
                {
                    List<PNode> items = new ArrayList<>();
                    JsonToken v;
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        items.add(readValue(p, v, depth + 1, maxDepth, warnings));
                    }
                    return PNode.array(items, line, col);
                }
            case VALUE_NULL:
                return PNode.scalar(null, line, col);
            case VALUE_EMBEDDED_OBJECT:
                {
                    Object o = p.getEmbeddedObject();
                    return PNode.scalar(o == null ? null : String.valueOf(o), line, col);
                }
            default:
                return PNode.scalar(p.getText(), line, col);
        }
    }

    static JsonFactory jsonFactory(ScanLimits limits) {
        return JsonFactory.builder()
                .enable(
                        JsonReadFeature.ALLOW_JAVA_COMMENTS,
                        JsonReadFeature.ALLOW_TRAILING_COMMA,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                        JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(constraints(limits))
                .build();
    }

    /** Jackson's own guards, set from the scan limits rather than left at library defaults. */
    static StreamReadConstraints constraints(ScanLimits limits) {
        int maxString = (int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes());
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth() + 1)
                .maxStringLength(maxString)
                .maxNameLength(Math.min(maxString, 64 * 1024))
                .maxDocumentLength(limits.maxFileBytes())
                .maxNumberLength(1000)
                .build();
    }

    private static String errorOf(JacksonException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return line + ":" + col + ": " + clean(e.getOriginalMessage());
    }

    /**
     * One line, bounded, and quoted tokens shortened: parser messages echo the offending token,
     * which may be a credential written without quotes.
     */
    public static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        s =
                s.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "")
                        .replaceAll("\\s*at \\[Source: [^\\]]*\\]", "");
        s =
                s.replaceAll("'([^']{6})[^']{6,}'", "'$1…'")
                        .replaceAll("\"([^\"]{6})[^\"]{6,}\"", "\"$1…\"");
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }

    private static String decodeUtf8(byte[] content, int start) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new BadByte(in.position());
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static String decodeUtf8Leniently(byte[] content, int start) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length - start + 1);
        decoder.decode(in, out, true);
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * Line and column of a byte offset; the column counts bytes, good enough for a byte that is not
     * text.
     */
    private static String position(byte[] content, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }

    private static final class BadByte extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        BadByte(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    /**
     * Thrown by the tree builders when a document nests deeper than the limit; message is the final
     * error.
     */
    static final class DepthException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DepthException(String message) {
            super(message, null, false, false);
        }
    }
}
