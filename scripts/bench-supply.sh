#!/usr/bin/env bash
# In-process cost of the supply-chain step: built-in advisory read, advisory index + matching and look-alike checks
# over 7,000 servers, and reading a generated OSV export (default 50,000 records).
#   scripts/bench-supply.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building the benchmark jar (profile bench) ..."
mvn -q -B -o -Pbench -pl bench -am package -DskipTests
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp bench/target/benchmarks.jar dev.mcpsec.bench.SupplyChainBench \
    policies/src/main/resources/META-INF/mcpsec/advisories "${1:-50000}"
