package dev.mcpsec.facts;

/**
 * Invisible or direction-changing Unicode in an assistant instruction file (Claude Code's and
 * Codex's memory files, {@code .cursorrules}, {@code .cursor/rules/*.mdc}, ...: the list is in
 * docs/checklist/hidden-instructions.md) or in a value of a config (server name, command, argument,
 * env or header value, URL). One fact per file, location and kind, at the first occurrence.
 *
 * @param server the server whose value holds it, or null for instruction files, settings values and
 *     whole files
 * @param location {@code instructions} for an instruction file, else where in the config: {@code
 *     name}, {@code command}, {@code args[2]}, {@code env.NAME}, {@code headers.NAME}, {@code url},
 *     a settings key, or {@code file} for anywhere else in the file (descriptions, comments)
 * @param kind {@code tag} (U+E0000–U+E007F), {@code variation-selector} (a run of variation
 *     selectors, the byte-smuggling encoding), {@code bidi} (embedding, override and isolate
 *     controls) or {@code zero-width}
 * @param count how many such characters there are in that place
 * @param codepoints the distinct code points found, e.g. {@code U+200B U+2062}
 * @param decoded for {@code tag} and {@code variation-selector}, the hidden text decoded (any
 *     secret in it masked); otherwise null
 */
public record HiddenText(
        String file,
        int line,
        int column,
        String server,
        String location,
        String kind,
        int count,
        String codepoints,
        String decoded)
        implements Fact {
    @Override
    public String subject() {
        return "hidden:" + location + ":" + kind;
    }
}
