package dev.mcpsec.facts;

/**
 * A reference such as {@code ${VAR}}, {@code ${env:VAR}}, {@code ${input:id}} or {@code {env:VAR}}:
 * the right way to pass a secret.
 *
 * @param syntax {@code env}, {@code input}, {@code secret} (Continue), {@code file} or {@code
 *     other}
 */
public record EnvReference(
        String file,
        int line,
        int column,
        String server,
        String location,
        String variable,
        String syntax)
        implements Fact {
    @Override
    public String subject() {
        return "ref:" + location;
    }
}
