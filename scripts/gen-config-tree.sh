#!/usr/bin/env bash
# Writes the benchmark tree of 5,000 MCP config files (1,000 package folders, each with the five client shapes
# .mcp.json, .cursor/mcp.json, .vscode/mcp.json, .gemini/settings.json and .zed/settings.json): fake secret-shaped
# values generated here at random, placeholders and references. Used by bench-scan.sh and bench-peers.sh.
# Usage: scripts/gen-config-tree.sh DIR   (DIR is emptied first)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
tree=$1

alnum() { LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1"; }

make_tree() {
  rm -rf "$tree"; mkdir -p "$tree"
  local i d
  for i in $(seq 1 1000); do
    d=$tree/pkg-$i
    mkdir -p "$d/.cursor" "$d/.vscode" "$d/.gemini" "$d/.zed"
    cat > "$d/.mcp.json" <<JSON
{"mcpServers": {
  "stripe": {"command": "npx", "args": ["-y", "@stripe/mcp@0.2.4", "--tools=all", "--api-key=sk_live_$(alnum 32)"]},
  "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "./docs"]},
  "db": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://app:$(alnum 20)@db-prod-$i.example.com:5432/app"]}
}}
JSON
    cat > "$d/.cursor/mcp.json" <<JSON
{"mcpServers": {"gh": {"command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
  "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "\${env:GITHUB_PAT}"}}}}
JSON
    cat > "$d/.vscode/mcp.json" <<JSON
{
  // VS Code workspace servers
  "inputs": [{"type": "promptString", "id": "key", "password": true}],
  "servers": {"slack": {"type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"],
    "env": {"SLACK_BOT_TOKEN": "xoxb-your-slack-bot-token", "SLACK_TEAM_ID": "\${input:key}"}}},
}
JSON
    cat > "$d/.gemini/settings.json" <<JSON
{"mcpServers": {"metrics": {"httpUrl": "http://metrics-$i.example.net/mcp", "trust": true}}}
JSON
    cat > "$d/.zed/settings.json" <<JSON
{"context_servers": {"notion": {"command": "npx", "args": ["-y", "@notionhq/notion-mcp-server"], "env": {"NOTION_TOKEN": "ntn_$(alnum 46)"}}}}
JSON
  done
}

make_tree
