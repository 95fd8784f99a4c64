package dev.mcpsec.facts;

/**
 * One environment variable, header or launch option a server receives, whatever its value: a
 * name-based policy ("no server may get {@code AWS_SECRET_ACCESS_KEY}") is one pattern over these.
 * The value itself is never held, only its form.
 *
 * @param kind {@code env}, {@code header} or {@code option}
 * @param name the variable, header or option name as written ({@code GITHUB_TOKEN}, {@code
 *     Authorization}, {@code --api-key})
 * @param form {@code literal}, {@code reference} ({@code ${VAR}} and the like), {@code
 *     placeholder}, {@code empty}, or {@code passthrough} (a container {@code -e NAME} that takes
 *     the variable from the launching environment)
 * @param source where it was written: {@code env}, {@code headers} or {@code args}
 */
public record ServerInput(
        String file,
        int line,
        int column,
        String server,
        String kind,
        String name,
        String form,
        String source)
        implements Fact {
    @Override
    public String subject() {
        return "input:" + server + ":" + kind + ":" + name;
    }
}
