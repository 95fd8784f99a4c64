#!/usr/bin/env python3
"""Precision and recall of mcpsec on real and realistic MCP configurations.

    scripts/bench-quality.py CORPUS_DIR [--work DIR] [--unlabelled] [--missed] [--dump FILE]

CORPUS_DIR holds the real-world configs and a SOURCES.tsv (columns: file, repository, path, ...) giving the path each
file had in its repository. Every corpus file is laid at that path in a git repository of its own and committed;
every recall case under bench/quality/recall/ (a directory tree, see bench/quality/README.md) is laid out and committed
the same way, with its {{...}} markers replaced by secret-shaped values generated here at random. All of them are
scanned in one JVM (bench/quality/ScanAll.java, history on), then:

- precision: every finding on a corpus file is looked up in bench/quality/labels.tsv (corpus file, rule id, server,
  TP or FP, reason); printed per checklist id, per severity, at medium and above and overall, with the findings per
  server. Findings without a label are counted and listed with --unlabelled: label them, as a reviewer would.
- recall: bench/quality/expected.tsv lists the problems a reviewer raises in each case (case, checklist id or rule
  id, server, reason); a problem is found when a finding of that case has that id and server. Listed with --missed.

Needs python3, git and java 17+, and the CLI jar (built when missing). Never touches the network.
"""
import argparse
import base64
import collections
import csv
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUALITY = os.path.join(ROOT, "bench", "quality")
JAR = os.path.join(ROOT, "cli", "target", "mcpsec.jar")
SEVERITIES = ["critical", "high", "medium", "low", "info"]
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z",
               GIT_CONFIG_NOSYSTEM="1", HOME=os.environ.get("HOME", "/tmp"))

RNG = random.SystemRandom()


def rand(n, alphabet=string.ascii_letters + string.digits):
    return "".join(RNG.choice(alphabet) for _ in range(n))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def generate(spec):
    """gen:PREFIX:N -> PREFIX + N random letters/digits; hex:N; jwt:ROLE -> a JWT with that role claim."""
    kind, _, rest = spec.partition(":")
    if kind == "gen":
        prefix, _, n = rest.rpartition(":")
        return prefix + rand(int(n))
    if kind == "hex":
        return rand(int(rest), "0123456789abcdef")
    if kind == "jwt":
        header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        claims = b64url(json.dumps({"iss": "supabase", "ref": rand(20, string.ascii_lowercase),
                                    "role": rest, "iat": 1700000000, "exp": 2000000000}).encode())
        return header + "." + claims + "." + b64url(os.urandom(32))
    raise SystemExit("unknown marker {{%s}}" % spec)


def fill(text, same):
    """Replaces {{SPEC}} markers; {{same:LABEL:SPEC}} gives one value per LABEL within a case (for key reuse)."""
    def one(m):
        spec = m.group(1)
        if spec.startswith("same:"):
            label, _, inner = spec[5:].partition(":")
            return same.setdefault(label, generate(inner))
        return generate(spec)
    return re.sub(r"\{\{([a-z]+:[^}]*)\}\}", one, text)


def git(repo, *args):
    subprocess.run(["git", "-C", repo, *args], check=True, env=GIT_ENV,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def commit(repo):
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "config")


def lay_corpus(corpus, repos):
    sources = os.path.join(corpus, "SOURCES.tsv")
    if not os.path.isfile(sources):
        raise SystemExit("%s: no SOURCES.tsv (file, repository, path columns)" % corpus)
    cases = {}
    with open(sources, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name, path = row["file"], row["path"]
            repo = os.path.join(repos, "c-" + name.split("-")[0])
            target = os.path.join(repo, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(corpus, name), target)
            commit(repo)
            cases[os.path.basename(repo)] = name
    return cases


def lay_recall(repos):
    cases = {}
    base = os.path.join(QUALITY, "recall")
    for name in sorted(os.listdir(base)):
        src = os.path.join(base, name)
        if not os.path.isdir(src):
            continue
        repo = os.path.join(repos, "r-" + name)
        same = {}
        for dirpath, _, files in os.walk(src):
            for fn in files:
                rel = os.path.relpath(os.path.join(dirpath, fn), src)
                target = os.path.join(repo, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(os.path.join(dirpath, fn), encoding="utf-8") as f:
                    text = fill(f.read(), same)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
        commit(repo)
        cases[os.path.basename(repo)] = name
    return cases


def scan(repos, names, jar=JAR):
    if jar == JAR and not os.path.isfile(JAR):
        subprocess.run(["mvn", "-o", "-q", "-B", "-DskipTests", "-pl", "cli", "-am", "package"], cwd=ROOT, check=True)
    dirs = [os.path.join(repos, n) for n in names]
    subprocess.run(["java", "-XX:+UseSerialGC", "-cp", jar, os.path.join(QUALITY, "ScanAll.java"), *dirs],
                   check=True)
    reports = os.path.join(os.path.dirname(repos), "reports")
    return {n: json.load(open(os.path.join(reports, n + ".json"), encoding="utf-8")) for n in names}


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != len(columns):
                raise SystemExit("%s:%d: expected %d tab-separated columns (%s), got %d"
                                 % (path, lineno, len(columns), ", ".join(columns), len(cells)))
            rows.append(dict(zip(columns, cells), line=lineno))
    return rows


def pct(num, den):
    return "%5.1f%%" % (100.0 * num / den) if den else "    -"


def precision(corpus_cases, reports, labels_path, show_unlabelled):
    labels = {}
    for row in read_tsv(labels_path, ["file", "rule", "server", "verdict", "reason"]):
        if row["verdict"] not in ("TP", "FP"):
            raise SystemExit("%s:%d: verdict must be TP or FP" % (labels_path, row["line"]))
        if not row["reason"].strip():
            raise SystemExit("%s:%d: every label needs a reason" % (labels_path, row["line"]))
        labels[(row["file"], row["rule"], row["server"])] = row["verdict"]
    by_check = collections.defaultdict(lambda: [0, 0])
    by_sev = collections.defaultdict(lambda: [0, 0])
    by_rule = collections.defaultdict(lambda: [0, 0])
    unlabelled, used = [], set()
    servers = findings = 0
    per_server = collections.Counter()
    for repo, name in sorted(corpus_cases.items()):
        report = reports[repo]
        servers += len(report["servers"])
        for f in report["findings"]:
            findings += 1
            key = (name, f["ruleId"], f["server"] or "-")
            per_server[(name, f["server"] or "-")] += 1
            verdict = labels.get(key)
            if verdict is None:
                unlabelled.append((key, f))
                continue
            used.add(key)
            i = 0 if verdict == "TP" else 1
            by_check[f["checklist"]][i] += 1
            by_sev[f["severity"]][i] += 1
            by_rule[f["ruleId"]][i] += 1
    print("== precision on %d corpus files: %d findings, %d servers (%.2f findings per server)"
          % (len(corpus_cases), findings, servers, findings / servers if servers else 0))
    print("%-22s %5s %5s %9s" % ("checklist id", "TP", "FP", "precision"))
    for k in sorted(by_check):
        tp, fp = by_check[k]
        print("%-22s %5d %5d %9s" % (k, tp, fp, pct(tp, tp + fp)))
    print("%-22s %5s %5s %9s" % ("rule id", "TP", "FP", "precision"))
    for k in sorted(by_rule):
        tp, fp = by_rule[k]
        print("%-22s %5d %5d %9s" % (k, tp, fp, pct(tp, tp + fp)))
    print("%-22s %5s %5s %9s" % ("severity", "TP", "FP", "precision"))
    for s in SEVERITIES:
        tp, fp = by_sev.get(s, [0, 0])
        print("%-22s %5d %5d %9s" % (s, tp, fp, pct(tp, tp + fp)))
    hi = [sum(by_sev.get(s, [0, 0])[i] for s in SEVERITIES[:3]) for i in (0, 1)]
    al = [sum(by_sev.get(s, [0, 0])[i] for s in SEVERITIES) for i in (0, 1)]
    print("%-22s %5d %5d %9s" % ("medium and above", hi[0], hi[1], pct(hi[0], sum(hi))))
    print("%-22s %5d %5d %9s" % ("all", al[0], al[1], pct(al[0], sum(al))))
    lo = [al[i] - by_sev.get("info", [0, 0])[i] for i in (0, 1)]
    print("%-22s %5d %5d %9s" % ("all but info", lo[0], lo[1], pct(lo[0], sum(lo))))
    hist = collections.Counter(per_server.values())
    print("findings per server (servers with findings): "
          + ", ".join("%d: %d" % (k, hist[k]) for k in sorted(hist)))
    print("unlabelled findings: %d; labels of findings this build does not produce (kept to score other builds): %d"
          % (len(unlabelled), len(set(labels) - used)))
    if show_unlabelled:
        for key, f in unlabelled:
            print("UNLABELLED\t%s\t%s\t%s\t%s\t%s" % (key[0], key[1], key[2], f["severity"], f["message"]))
        for key in sorted(set(labels) - used):
            print("NOT PRODUCED\t%s\t%s\t%s" % key)
    return hi, al


def recall(all_cases, reports, expected_path, show_missed):
    by_case = {v: k for k, v in all_cases.items()}
    rows = read_tsv(expected_path, ["case", "id", "server", "reason"])
    found = 0
    missed = []
    per_check = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        repo = by_case.get(row["case"])
        if repo is None:
            raise SystemExit("%s:%d: no case or corpus file %s" % (expected_path, row["line"], row["case"]))
        hit = any((f["checklist"] == row["id"] or f["ruleId"] == row["id"])
                  and (row["server"] == "*" or (f["server"] or "-") == row["server"])
                  for f in reports[repo]["findings"])
        check = row["id"] if not row["id"].startswith("MCP-") else next(
            (f["checklist"] for f in reports[repo]["findings"] if f["ruleId"] == row["id"]), row["id"])
        per_check[check][0 if hit else 1] += 1
        found += hit
        if not hit:
            missed.append(row)
    cases = len({r["case"] for r in rows})
    print("== recall on %d cases: %d expected problems, %d found (%s)"
          % (cases, len(rows), found, pct(found, len(rows)).strip()))
    for k in sorted(per_check):
        f, m = per_check[k]
        print("%-22s found %3d missed %3d" % (k, f, m))
    if show_missed:
        for r in missed:
            print("MISSED\t%s\t%s\t%s\t%s" % (r["case"], r["id"], r["server"], r["reason"]))
    return found, len(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("corpus", help="directory of corpus files with SOURCES.tsv")
    p.add_argument("--work", default="/tmp/mcpsec-bench-quality", help="scratch directory (recreated)")
    p.add_argument("--labels", default=os.path.join(QUALITY, "labels.tsv"))
    p.add_argument("--expected", default=os.path.join(QUALITY, "expected.tsv"))
    p.add_argument("--unlabelled", action="store_true", help="list findings without a label, and stale labels")
    p.add_argument("--missed", action="store_true", help="list expected problems that were not found")
    p.add_argument("--dump", help="write every finding (case, rule, server, severity, message) to this TSV")
    p.add_argument("--jar", default=JAR, help="the mcpsec CLI jar to measure (default: this checkout's)")
    a = p.parse_args()
    work = os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    repos = os.path.join(work, "repos")
    os.makedirs(repos)
    corpus_cases = lay_corpus(os.path.abspath(a.corpus), repos)
    recall_cases = lay_recall(repos)
    all_cases = dict(corpus_cases, **recall_cases)
    reports = scan(repos, sorted(all_cases), a.jar)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as out:
            for repo, name in sorted(all_cases.items(), key=lambda kv: kv[1]):
                for f in reports[repo]["findings"]:
                    out.write("\t".join([name, f["ruleId"], f["server"] or "-", f["severity"],
                                         f["message"].replace("\t", " ")]) + "\n")
    precision(corpus_cases, reports, a.labels, a.unlabelled)
    recall(all_cases, reports, a.expected, a.missed)


if __name__ == "__main__":
    sys.exit(main())
