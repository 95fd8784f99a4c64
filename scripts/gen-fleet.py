#!/usr/bin/env python3
"""Generates a fleet of bare git repositories with realistic histories and a known set of planted problems.

Each repository is written with one `git fast-import` (no work tree, no clone): 20-120 commits over ordinary source
files, a README, CI files, and in most repositories one or more MCP client configs that evolve over the history.
About a tenth of the repositories get a planted problem, chosen at random from:

  live-key        a live Stripe key in a tracked .mcp.json (production-keys, committed-secrets)
  history-key     a classic GitHub token committed, then replaced by ${GITHUB_TOKEN} (history-secrets)
  filesystem-root a filesystem server opened on / (filesystem-scope)
  plain-http      a remote server over plain http (stdio-transport)
  shared-key      the same live Stripe key as another repository (production-keys; shared credential)

Secret values are generated here, at run time, in the shapes the providers document; they are random, never real.
The manifest (MANIFEST, default OUT/manifest.json) lists every repository and its planted problems, so a benchmark
can check that each was found.

Usage: scripts/gen-fleet.py OUT [--repos 1000] [--seed 1] [--plant-every 10]
       scripts/gen-fleet.py OUT --touch 1%    # add one commit to 1% of the repositories (incremental runs)
"""
import argparse
import json
import os
import random
import string
import subprocess
import sys

ALNUM = string.ascii_letters + string.digits


def rnd(chars, n, r):
    return "".join(r.choice(chars) for _ in range(n))


def stripe_live(r):
    return "sk_" + "live_" + rnd(ALNUM, 99, r)


def github_classic(r):
    # The checksum is not computed: the detector still knows the prefix; mcpsec reports a bad checksum as classic too.
    return "gh" + "p_" + rnd(ALNUM, 36, r)


def config(servers):
    return json.dumps({"mcpServers": servers}, indent=2) + "\n"


def stdio(pkg, env=None, args=None):
    s = {"command": "npx", "args": ["-y", pkg] + (args or [])}
    if env:
        s["env"] = env
    return s


ORDINARY = [
    ("github", lambda: {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN",
                                                   "ghcr.io/github/github-mcp-server:v0.9.0"],
                        "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}}),
    ("context7", lambda: stdio("@upstash/context7-mcp@1.0.14")),
    ("playwright", lambda: stdio("@playwright/mcp@0.0.32")),
    ("stripe", lambda: stdio("@stripe/mcp@0.2.4", {"STRIPE_SECRET_KEY": "${STRIPE_SECRET_KEY}"})),
]


class Stream:
    """Builds one fast-import stream."""

    def __init__(self, when):
        self.parts = []
        self.when = when
        self.mark = 0

    def commit(self, message, changes):
        self.mark += 1
        self.when += 3600
        out = ["commit refs/heads/main", "mark :%d" % self.mark,
               "committer Fleet <fleet@example.invalid> %d +0000" % self.when]
        data = message.encode()
        out.append("data %d" % len(data))
        self.parts.append(("\n".join(out) + "\n").encode() + data + b"\n")
        for path, content in changes:
            if content is None:
                self.parts.append(("D %s\n" % path).encode())
            else:
                body = content.encode()
                self.parts.append(("M 100644 inline %s\ndata %d\n" % (path, len(body))).encode() + body + b"\n")
        self.parts.append(b"\n")

    def bytes(self):
        return b"".join(self.parts)


def build(path, stream):
    os.makedirs(path)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", path], check=True)
    subprocess.run(["git", "--git-dir", path, "fast-import", "--quiet"], input=stream.bytes(), check=True)


def repository(name, r, plants, shared_key):
    s = Stream(1700000000 + r.randrange(0, 10_000_000))
    servers = {}
    for key, make in r.sample(ORDINARY, r.randrange(0, 3)):
        servers[key] = make()
    first = [("README.md", "# %s\n" % name), (".github/workflows/ci.yml", "on: push\njobs: {}\n")]
    if servers:
        first.append((".mcp.json", config(servers)))
    s.commit("initial", first)
    commits = r.randrange(20, 120)
    planted_at = {p: r.randrange(1, commits) for p in plants}
    history_token = github_classic(r)
    for i in range(1, commits):
        changes = [("src/module%d/file%d.txt" % (i % 7, i % 13), "revision %d of %s\n" % (i, name))]
        for plant, at in list(planted_at.items()):
            if i != at:
                continue
            if plant in ("live-key", "shared-key"):
                key = shared_key if plant == "shared-key" else stripe_live(r)
                servers["payments"] = stdio("@stripe/mcp@0.2.4", {"STRIPE_SECRET_KEY": key})
                changes.append((".mcp.json", config(servers)))
            elif plant == "history-key":
                changes.append((".cursor/mcp.json", config({"gh": {
                    "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                    "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": history_token}}})))
                planted_at["history-key-removed"] = i + 1
            elif plant == "history-key-removed":
                changes.append((".cursor/mcp.json", config({"gh": {
                    "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                    "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}}})))
            elif plant == "filesystem-root":
                changes.append((".vscode/mcp.json", json.dumps({"servers": {"files": stdio(
                    "@modelcontextprotocol/server-filesystem@2025.8.21", args=["/"])}}, indent=2) + "\n"))
            elif plant == "plain-http":
                servers["metrics"] = {"type": "http", "url": "http://metrics.internal.example.com/mcp"}
                changes.append((".mcp.json", config(servers)))
        s.commit("change %d" % i, changes)
    if "history-key" in plants and planted_at.get("history-key-removed", commits) >= commits:
        s.commit("use a reference", [(".cursor/mcp.json", config({"gh": {
            "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
            "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}"}}}))])
    return s


EXPECTED = {
    "live-key": ["production-keys", "committed-secrets"],
    "shared-key": ["production-keys", "committed-secrets"],
    "history-key": ["history-secrets"],
    "filesystem-root": ["filesystem-scope"],
    "plain-http": ["stdio-transport"],
}


def generate(out, repos, seed, every):
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    shared_key = stripe_live(r)
    manifest = {"repositories": {}, "seed": seed}
    for n in range(repos):
        name = "repo-%04d" % n
        plants = []
        if n % every == every - 1:
            plants = r.sample(sorted(EXPECTED), r.randrange(1, 3))
        build(os.path.join(out, name + ".git"), repository(name, r, plants, shared_key))
        manifest["repositories"][name] = sorted({c for p in plants for c in EXPECTED[p]})
        if (n + 1) % 100 == 0:
            print("generated %d/%d repositories" % (n + 1, repos), file=sys.stderr)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)


def touch(out, share, seed):
    names = sorted(d for d in os.listdir(out) if d.endswith(".git"))
    r = random.Random(seed)
    count = max(1, round(len(names) * share))
    for name in r.sample(names, count):
        path = os.path.join(out, name)
        head = subprocess.run(["git", "--git-dir", path, "rev-parse", "refs/heads/main"], check=True,
                              capture_output=True, text=True).stdout.strip()
        body = ("touched %d\n" % r.randrange(1 << 30)).encode()
        msg = b"nightly change"
        stream = (b"commit refs/heads/main\ncommitter Fleet <fleet@example.invalid> %d +0000\ndata %d\n%s\n"
                  b"from %s\nM 100644 inline NOTES.md\ndata %d\n%s\n\n"
                  % (1800000000 + r.randrange(0, 1000), len(msg), msg, head.encode(), len(body), body))
        subprocess.run(["git", "--git-dir", path, "fast-import", "--quiet"], input=stream, check=True)
    print("touched %d repositories" % count, file=sys.stderr)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out")
    p.add_argument("--repos", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--plant-every", type=int, default=10)
    p.add_argument("--touch", help="add a commit to this share of the repositories, e.g. 1%%")
    a = p.parse_args()
    if a.touch:
        touch(a.out, float(a.touch.rstrip("%")) / 100.0, a.seed + 1)
    else:
        if os.path.exists(a.out) and os.listdir(a.out):
            sys.exit("gen-fleet: %s is not empty" % a.out)
        generate(a.out, a.repos, a.seed, a.plant_every)


if __name__ == "__main__":
    main()
