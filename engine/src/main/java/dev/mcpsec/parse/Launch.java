package dev.mcpsec.parse;

import java.util.List;

/**
 * What a server's command line runs, once runners and wrappers are peeled off.
 *
 * @param launcher {@code npx}, {@code pnpm-dlx}, {@code yarn-dlx}, {@code bunx}, {@code npm-exec},
 *     {@code uvx}, {@code pipx}, {@code docker}, {@code podman}, {@code mcp-remote}, {@code
 *     remote}, {@code binary}, {@code node} or {@code python}
 * @param ecosystem {@code npm}, {@code pypi}, {@code oci}, {@code docker-mcp}, or null for local
 *     code and binaries
 * @param packageName package or image name without version/tag/digest, or null when nothing is
 *     fetched
 * @param packageVersion version, tag or range as written ({@code latest} for {@code @latest}), or
 *     null when none
 * @param imageDigest {@code sha256:...} of a pinned image, or null
 * @param remoteUrl the URL a bridge such as {@code mcp-remote} connects to, or the server's own URL
 * @param packageArgs the arguments after the package (directories, flags such as {@code
 *     --read-only})
 */
public record Launch(
        String launcher,
        String ecosystem,
        String packageName,
        String packageVersion,
        String imageDigest,
        String remoteUrl,
        List<String> packageArgs) {}
