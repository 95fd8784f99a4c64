package dev.mcpsec.facts;

/**
 * A package, scope, image or host that imitates a known publisher's (checklist {@code
 * trusted-publishers}).
 *
 * @param kind {@code npm}, {@code pypi}, {@code oci} or {@code remote}
 * @param name what the server launches or connects to (package, image or host)
 * @param imitates the official name, scope (ending in {@code /}) or host it resembles
 * @param technique {@code edit distance}, {@code homoglyphs}, {@code mixed scripts}, {@code scope
 *     confusion} or {@code host confusion}
 */
public record LookAlike(
        String file,
        int line,
        int column,
        String server,
        String kind,
        String name,
        String imitates,
        String technique)
        implements Fact {

    @Override
    public String subject() {
        return "look-alike:" + name;
    }
}
