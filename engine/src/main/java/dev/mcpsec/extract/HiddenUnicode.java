package dev.mcpsec.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds invisible and direction-changing characters in text, deterministically, and decodes the two
 * encodings that carry a payload: Unicode tag characters (U+E0020–U+E007E mirror printable ASCII)
 * and runs of variation selectors (VS1–VS256 mirror the bytes 0–255 of a UTF-8 string).
 *
 * <p>Ordinary text is left alone: accents, CJK and emoji are visible; a zero-width joiner or
 * non-joiner between two non-ASCII letters or symbols (Indic and Persian scripts, emoji ZWJ
 * sequences), a single variation selector (emoji presentation, ideographic variants), a byte order
 * mark at the start, and the tag sequence of an emoji subdivision flag (U+1F3F4 followed by tags
 * and U+E007F) are not reported.
 */
final class HiddenUnicode {

    /**
     * What one text holds, per kind ({@code tag}, {@code variation-selector}, {@code bidi}, {@code
     * zero-width}).
     */
    record Hit(String kind, int offset, int count, String codepoints, String decoded) {}

    private HiddenUnicode() {}

    static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static boolean isZeroWidth(int cp) {
        return cp == 0x200B
                || cp == 0x200C
                || cp == 0x200D
                || cp == 0x2060
                || (cp >= 0x2061 && cp <= 0x2064)
                || cp == 0xFEFF
                || cp == 0x180E;
    }

    /** A quick test that lets plain text skip the analysis. */
    static boolean mayHide(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x180E
                    && (c == 0x180E
                            || (c >= 0x200B && c <= 0x200D)
                            || (c >= 0x202A && c <= 0x202E)
                            || (c >= 0x2060 && c <= 0x2069)
                            || (c >= 0xFE00 && c <= 0xFE0F)
                            || c == 0xFEFF
                            || c == 0xDB40)) {
                return true;
            }
        }
        return false;
    }

    /** The hits in {@code text}, one per kind, at the first occurrence of that kind. */
    static List<Hit> scan(String text) {
        if (text == null || text.isEmpty() || !mayHide(text)) {
            return List.of();
        }
        int[] cps = text.codePoints().toArray();
        int[] offsets = new int[cps.length];
        for (int i = 0, off = 0; i < cps.length; i++) {
            offsets[i] = off;
            off += Character.charCount(cps[i]);
        }
        Map<String, Acc> acc = new LinkedHashMap<>();
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (isTag(cp)) {
                int end = i;
                while (end < cps.length && isTag(cps[end])) {
                    end++;
                }
                boolean flag = i > 0 && cps[i - 1] == 0x1F3F4 && cps[end - 1] == 0xE007F;
                if (!flag) {
                    StringBuilder decoded = new StringBuilder();
                    for (int k = i; k < end; k++) {
                        int c = cps[k] - 0xE0000;
                        if (c >= 0x20 && c <= 0x7E) {
                            decoded.append((char) c);
                        }
                    }
                    acc.computeIfAbsent("tag", k -> new Acc())
                            .at(offsets, i)
                            .add(cps, i, end, decoded.toString());
                }
                i = end;
            } else if (isVariationSelector(cp)) {
                int end = i;
                while (end < cps.length && isVariationSelector(cps[end])) {
                    end++;
                }
                if (end - i >= 2) {
                    byte[] bytes = new byte[end - i];
                    for (int k = i; k < end; k++) {
                        int c = cps[k];
                        bytes[k - i] = (byte) (c <= 0xFE0F ? c - 0xFE00 : c - 0xE0100 + 16);
                    }
                    acc.computeIfAbsent("variation-selector", k -> new Acc())
                            .at(offsets, i)
                            .add(cps, i, end, utf8(bytes));
                }
                i = end;
            } else if (isBidiControl(cp)) {
                acc.computeIfAbsent("bidi", k -> new Acc()).at(offsets, i).add(cps, i, i + 1, null);
                i++;
            } else if (isZeroWidth(cp)) {
                if (!ordinaryZeroWidth(cps, i)) {
                    acc.computeIfAbsent("zero-width", k -> new Acc())
                            .at(offsets, i)
                            .add(cps, i, i + 1, null);
                }
                i++;
            } else {
                i++;
            }
        }
        List<Hit> out = new ArrayList<>();
        acc.forEach(
                (kind, a) ->
                        out.add(
                                new Hit(
                                        kind,
                                        a.offset,
                                        a.count,
                                        String.join(" ", a.codepoints),
                                        a.decoded == null ? null : a.decoded.toString())));
        return out;
    }

    /**
     * Zero-width characters that ordinary writing uses: a BOM at the start, joiners inside
     * non-ASCII text.
     */
    private static boolean ordinaryZeroWidth(int[] cps, int i) {
        int cp = cps[i];
        if (cp == 0xFEFF && i == 0) {
            return true;
        }
        if (cp == 0x200C || cp == 0x200D || cp == 0x200B) {
            return i > 0
                    && i < cps.length - 1
                    && scriptOrSymbol(cps[i - 1])
                    && scriptOrSymbol(cps[i + 1]);
        }
        return false;
    }

    /**
     * A non-ASCII letter, mark or symbol (emoji included), or a variation selector that ends an
     * emoji.
     */
    private static boolean scriptOrSymbol(int cp) {
        if (cp < 0x80 || isZeroWidth(cp) || isBidiControl(cp) || isTag(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.OTHER_SYMBOL
                || type == Character.MODIFIER_SYMBOL
                || isVariationSelector(cp)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .replaceAll("\\p{Cntrl}", " ")
                    .strip();
        } catch (CharacterCodingException e) {
            return "(" + bytes.length + " bytes that are not UTF-8 text)";
        }
    }

    private static final class Acc {
        int offset;
        int count;
        final TreeSet<String> codepoints = new TreeSet<>();
        StringBuilder decoded;

        Acc at(int[] offsets, int i) {
            if (count == 0) {
                offset = offsets[i];
            }
            return this;
        }

        Acc add(int[] cps, int from, int to, String text) {
            for (int k = from; k < to; k++) {
                count++;
                if (codepoints.size() < 8) {
                    codepoints.add(String.format("U+%04X", cps[k]));
                }
            }
            if (text != null) {
                if (decoded == null) {
                    decoded = new StringBuilder();
                } else if (!text.isEmpty()) {
                    decoded.append(' ');
                }
                decoded.append(text);
            }
            return this;
        }
    }
}
