package dev.mcpsec.secrets;

/**
 * One value taken from a server's argument list.
 *
 * @param name the flag, env or header name that carries it ({@code --api-key}, {@code
 *     GITHUB_TOKEN}, {@code Authorization}), or null for a positional argument
 * @param argIndex index of the argument holding the value
 * @param context {@link ValueContext#HEADER} for {@code --header}, {@link ValueContext#ENV} for
 *     {@code -e NAME=v}, {@link ValueContext#URL} for URLs, else {@link ValueContext#ARG}
 */
public record ArgValue(String name, String value, int argIndex, ValueContext context) {

    @Override
    public String toString() {
        return "ArgValue[name=" + name + ", argIndex=" + argIndex + ", context=" + context + "]";
    }
}
