#!/bin/sh
# Installs the editors that the Go tests in editors/ drive, on Debian 12.
# Neovim 0.7, Vim 9 with ALE and Emacs 28 with eglot come from apt. Newer
# Neovims (0.10 from trixie, 0.12 from forky) are unpacked from those
# suites' .deb files into a cache folder; the system's apt sources and dpkg
# database stay unchanged. Each step is skipped when its result is there.
#
# Usage: editors/install-test-editors.sh [CACHE]
#   CACHE defaults to $STACKLS_E2E_CACHE or ~/.cache/stackls-e2e; the tests
#   look for CACHE/nvim-*/nvim.
set -eu

CACHE=${1:-${STACKLS_E2E_CACHE:-$HOME/.cache/stackls-e2e}}
APT_PACKAGES="neovim vim vim-ale emacs-nox elpa-eglot elpa-yaml-mode elpa-dockerfile-mode"

missing=
for p in $APT_PACKAGES; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "install-test-editors: missing packages:$missing; run: sudo apt-get install -y$missing" >&2
		exit 1
	fi
	apt-get update -q
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
fi

# install_nvim SUITE: unpacks SUITE's neovim with its direct dependencies,
# libc6 and libgcc-s1 into CACHE/nvim-SUITE and writes a wrapper there that
# runs it through that suite's own dynamic loader.
install_nvim() {
	suite=$1
	dest=$CACHE/nvim-$suite
	if [ -x "$dest/nvim" ] && "$dest/nvim" --version >/dev/null 2>&1; then
		return
	fi
	echo "install-test-editors: neovim from $suite into $dest"
	rm -rf "$dest"
	apt_dir=$dest/apt
	mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dest/debs" "$dest/root"
	mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
	if [ -z "$mirror" ]; then
		mirror=$(awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list)
	fi
	echo "deb $mirror $suite main" >"$apt_dir/sources.list"
	opts="-o Dir::Etc::sourcelist=$apt_dir/sources.list -o Dir::Etc::sourceparts=- -o Dir::State::Lists=$apt_dir/lists -o Dir::Cache=$apt_dir/cache"
	# shellcheck disable=SC2086
	apt-get $opts update -q
	# The first alternative of each direct Depends of neovim.
	# shellcheck disable=SC2086
	deps=$(apt-cache $opts show neovim | sed -n 's/^Depends: //p' | head -1 | tr ',' '\n' | sed 's/|.*//; s/(.*//; s/ //g')
	# shellcheck disable=SC2086
	(cd "$dest/debs" && apt-get $opts download neovim $deps libc6 libgcc-s1)
	for deb in "$dest"/debs/*.deb; do
		dpkg-deb -x "$deb" "$dest/root"
	done
	rm -rf "$apt_dir" "$dest/debs"
	cat >"$dest/nvim" <<'WRAPPER'
#!/bin/sh
# Runs a newer Debian suite's nvim with that suite's glibc. Child processes,
# such as language servers, use the system's libc: LD_LIBRARY_PATH is not set.
root=$(dirname "$(readlink -f "$0")")/root
export VIMRUNTIME="$root/usr/share/nvim/runtime"
exec "$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu" "$root/usr/bin/nvim" "$@"
WRAPPER
	chmod +x "$dest/nvim"
}

if [ "$(uname -m)" = x86_64 ]; then
	install_nvim trixie
	install_nvim forky
else
	echo "install-test-editors: newer Neovims are unpacked for x86_64 only; testing the apt one" >&2
fi

for nvim in "$CACHE"/nvim-*/nvim; do
	[ -x "$nvim" ] && echo "install-test-editors: $("$nvim" --version | head -1) at $nvim"
done
echo "install-test-editors: $(nvim --version | head -1), $(vim --version | head -1), $(emacs --version | head -1)"
