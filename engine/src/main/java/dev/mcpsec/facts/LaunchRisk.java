package dev.mcpsec.facts;

/**
 * A risky way of starting a server (checklist {@code risky-launchers}).
 *
 * @param pattern {@code download-to-shell}, {@code base64-payload}, {@code temp-binary}, {@code
 *     git-url}, {@code tarball-url}, {@code registry} (the package registry or index is replaced by
 *     one named on the launch line or in the environment), {@code registry-http} (that replacement
 *     is fetched over plain HTTP from a host other than the local machine) or {@code extra-index}
 *     (a package source is added next to the default one: extra index, find-links, uv's {@code
 *     --index}); and two settings of the launch that weaken it: {@code tls-off} (certificate checks
 *     turned off by a variable, an option or a database URL setting such as {@code
 *     sslmode=disable}; never for a loopback target) and {@code cloud-profile} (the cloud profile,
 *     account, kubeconfig or context named by a variable or an option, detail {@code NAME=value})
 * @param detail what matched, e.g. the program path, the package spec or the registry URL (never a
 *     secret: values that look like one are not recorded)
 * @param ecosystem {@code npm} or {@code pypi} for the three registry patterns, else null
 * @param host the registry's host for the three registry patterns (lower case), or null when it
 *     comes from a variable; for {@code tls-off} and {@code cloud-profile} the remote host the
 *     server talks to when known (the database host, the server URL's host), else null
 */
public record LaunchRisk(
        String file,
        int line,
        int column,
        String server,
        String pattern,
        String detail,
        String ecosystem,
        String host)
        implements Fact {

    @Override
    public String subject() {
        return "launch:" + pattern;
    }
}
