#!/usr/bin/env bash
# In-process cost of the supply-chain step: built-in advisory read, advisory index + matching and look-alike checks
# over 7,000 servers, and reading a generated OSV export (default 50,000 records).
#   scripts/bench-supply.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=cli/target/mcpsec.jar
[ -f "$jar" ] || mvn -q -B -DskipTests -pl cli -am package
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" scripts/SupplyChainBench.java policies/src/main/resources/META-INF/mcpsec/advisories "${1:-50000}"
