package dev.mcpsec.parse;

import java.util.List;
import java.util.Set;

/**
 * Reads {@code docker}/{@code podman} command lines: options with values are skipped to find the
 * image.
 */
final class DockerArgs {

    private static final Set<String> GLOBAL_VALUE_OPTS =
            Set.of(
                    "--context",
                    "-c",
                    "-H",
                    "--host",
                    "--config",
                    "-l",
                    "--log-level",
                    "--url",
                    "--connection");
    private static final Set<String> RUN_VALUE_OPTS =
            Set.of(
                    "-a",
                    "--attach",
                    "--add-host",
                    "--annotation",
                    "--blkio-weight",
                    "--cap-add",
                    "--cap-drop",
                    "--cgroup-parent",
                    "--cgroupns",
                    "--cidfile",
                    "--cpu-period",
                    "--cpu-quota",
                    "--cpu-shares",
                    "-c",
                    "--cpus",
                    "--cpuset-cpus",
                    "--cpuset-mems",
                    "--device",
                    "--device-cgroup-rule",
                    "--dns",
                    "--dns-option",
                    "--dns-search",
                    "--domainname",
                    "--entrypoint",
                    "-e",
                    "--env",
                    "--env-file",
                    "--expose",
                    "--gpus",
                    "--group-add",
                    "--health-cmd",
                    "--health-interval",
                    "--health-retries",
                    "--health-start-period",
                    "--health-timeout",
                    "-h",
                    "--hostname",
                    "--ip",
                    "--ip6",
                    "--ipc",
                    "--isolation",
                    "--kernel-memory",
                    "-l",
                    "--label",
                    "--label-file",
                    "--link",
                    "--log-driver",
                    "--log-opt",
                    "--mac-address",
                    "-m",
                    "--memory",
                    "--memory-reservation",
                    "--memory-swap",
                    "--memory-swappiness",
                    "--mount",
                    "--name",
                    "--network",
                    "--net",
                    "--network-alias",
                    "--oom-score-adj",
                    "--pid",
                    "--pids-limit",
                    "--platform",
                    "-p",
                    "--publish",
                    "--pull",
                    "--restart",
                    "--runtime",
                    "--security-opt",
                    "--shm-size",
                    "--stop-signal",
                    "--stop-timeout",
                    "--storage-opt",
                    "--sysctl",
                    "--tmpfs",
                    "--ulimit",
                    "-u",
                    "--user",
                    "--userns",
                    "--uts",
                    "-v",
                    "--volume",
                    "--volume-driver",
                    "--volumes-from",
                    "-w",
                    "--workdir",
                    "--secret",
                    "--pod",
                    "--arch",
                    "--os",
                    "--variant",
                    "--init-path",
                    "--sdnotify");

    private DockerArgs() {}

    private static final java.util.Set<String> EXEC_VALUE_OPTS =
            java.util.Set.of(
                    "-e",
                    "--env",
                    "--env-file",
                    "-u",
                    "--user",
                    "-w",
                    "--workdir",
                    "--detach-keys");

    static Launch parse(String launcher, List<String> t, int i) {
        i = LaunchParser.skipOptions(t, i, GLOBAL_VALUE_OPTS);
        String sub = i < t.size() ? t.get(i) : "";
        if ("container".equals(sub) && i + 1 < t.size() && "run".equals(t.get(i + 1))) {
            i++;
            sub = "run";
        }
        if ("mcp".equals(sub) && i + 1 < t.size() && "gateway".equals(t.get(i + 1))) {
            int from =
                    Math.min(
                            i + 2 + (i + 2 < t.size() && "run".equals(t.get(i + 2)) ? 1 : 0),
                            t.size());
            return new Launch(
                    launcher,
                    "docker-mcp",
                    "docker mcp gateway",
                    null,
                    null,
                    null,
                    List.copyOf(t.subList(from, t.size())));
        }
        if (("exec".equals(sub)
                || ("container".equals(sub) && i + 1 < t.size() && "exec".equals(t.get(i + 1))))) {
            // docker exec [options] CONTAINER COMMAND...: what runs is COMMAND inside the container
            // (npx pkg, uvx pkg)
            int j = LaunchParser.skipOptions(t, i + ("exec".equals(sub) ? 1 : 2), EXEC_VALUE_OPTS);
            if (j + 1 < t.size()) {
                Launch inner = LaunchParser.dispatch(t, j + 1);
                if (inner.packageName() != null) {
                    return inner;
                }
            }
        }
        if (!"run".equals(sub)) {
            return new Launch(
                    launcher,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.copyOf(t.subList(Math.min(i, t.size()), t.size())));
        }
        int j = LaunchParser.skipOptions(t, i + 1, RUN_VALUE_OPTS);
        if (j >= t.size()) {
            return new Launch(launcher, "oci", null, null, null, null, List.of());
        }
        String image = t.get(j);
        String digest = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            digest = image.substring(at + 1);
            image = image.substring(0, at);
        }
        String tag = null;
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/')) {
            tag = image.substring(colon + 1);
            image = image.substring(0, colon);
        }
        return new Launch(
                launcher, "oci", image, tag, digest, null, List.copyOf(t.subList(j + 1, t.size())));
    }
}
