#!/usr/bin/env bash
# The small repository the start-up benchmarks scan (scripts/bench-peers.sh, scripts/bench-large.sh): a git repository
# with one config (.mcp.json, two servers, a variable for the token) and three commits. Does nothing when DIR already
# holds a git repository.
# Usage: scripts/gen-small-repo.sh DIR
set -euo pipefail
small=${1:?usage: scripts/gen-small-repo.sh DIR}
[ -d "$small/.git" ] && exit 0
rm -rf "$small"
mkdir -p "$small"
git -C "$small" init -q
commit() { git -C "$small" add -A && git -C "$small" -c user.name=bench -c user.email=bench@mcpsec.invalid \
  -c commit.gpgsign=false commit -q -m "$1"; }
printf '# demo\n' > "$small/README.md"
commit "readme"
cat > "$small/.mcp.json" <<'JSON'
{"mcpServers": {
  "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "./docs"]},
  "github": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
    "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}"}}
}}
JSON
commit "add MCP servers"
printf '# demo\n\nUses two MCP servers.\n' > "$small/README.md"
commit "docs"
