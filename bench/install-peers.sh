#!/usr/bin/env bash
# Installs the peer language servers that `go run ./bench` compares stackls
# with, into a cache folder outside the repository. Running it again is
# cheap: a package that is already installed at the pinned version is kept.
#
#   bench/install-peers.sh            # into ${XDG_CACHE_HOME:-~/.cache}/stackls-bench/peers
#   STACKLS_BENCH_PEERS=DIR bench/install-peers.sh
#
# npm peers: dockerfile-language-server-nodejs (Dockerfiles only) and
# @microsoft/compose-language-service (compose files only). Docker's
# docker-language-server is not installed here; the bench runs it when it
# is on PATH.
set -euo pipefail

peers="${STACKLS_BENCH_PEERS:-${XDG_CACHE_HOME:-$HOME/.cache}/stackls-bench/peers}"
dockerfile_ls_version="${DOCKERFILE_LS_VERSION:-0.15.0}"
compose_ls_version="${COMPOSE_LS_VERSION:-1.0.0}"

mkdir -p "$peers"
cd "$peers"
[ -f package.json ] || printf '{\n  "name": "stackls-bench-peers",\n  "private": true\n}\n' >package.json

# installed_version prints the version of an installed npm package, or
# nothing when it is missing.
installed_version() {
	local manifest="node_modules/$1/package.json"
	[ -f "$manifest" ] && node -p "require('./$manifest').version" 2>/dev/null || true
}

wanted=()
if [ "$(installed_version dockerfile-language-server-nodejs)" != "$dockerfile_ls_version" ]; then
	wanted+=("dockerfile-language-server-nodejs@$dockerfile_ls_version")
fi
if [ "$(installed_version @microsoft/compose-language-service)" != "$compose_ls_version" ]; then
	wanted+=("@microsoft/compose-language-service@$compose_ls_version")
fi
if [ ${#wanted[@]} -gt 0 ]; then
	echo "installing ${wanted[*]} into $peers" >&2
	npm install --no-audit --no-fund --save-exact "${wanted[@]}" >&2
else
	echo "npm peers already installed in $peers" >&2
fi

ls -1 node_modules/.bin/docker-langserver node_modules/.bin/docker-compose-langserver
