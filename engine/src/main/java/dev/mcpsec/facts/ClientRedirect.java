package dev.mcpsec.facts;

/**
 * A client setting that sends the client's own API traffic somewhere: {@code
 * env.ANTHROPIC_BASE_URL} and the other {@code *_BASE_URL} / {@code *_API_BASE} variables, proxy
 * variables ({@code HTTPS_PROXY}, ...), Codex {@code model_providers.<id>.base_url}.
 *
 * @param variable the variable or key, e.g. {@code ANTHROPIC_BASE_URL} or {@code
 *     model_providers.proxy.base_url}
 * @param url the value as written, with any credential in it masked
 * @param host lower-case host of the URL, or null when it is not a URL (a reference such as {@code
 *     ${VAR}})
 * @param loopback the host is the local machine ({@code localhost}, {@code 127.0.0.1}, {@code ::1})
 * @param ignored the file holding it is ignored by git
 */
public record ClientRedirect(
        String file,
        int line,
        int column,
        String client,
        String scope,
        String variable,
        String url,
        String host,
        boolean loopback,
        boolean ignored)
        implements Fact {
    @Override
    public String subject() {
        return "redirect:" + variable;
    }
}
