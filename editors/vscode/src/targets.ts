// Platform targets that the extension ships a stackls binary for. The
// packaging script and the runtime lookup both read this one table, so a
// .vsix built for a target always contains the binary that the extension
// looks for on that platform.

/** A VS Code platform target with the Go toolchain's name for it. */
export interface Target {
  /** VS Code target name, as given to `vsce package --target`. */
  vsce: string;
  /** Node's `process.platform` on that target. */
  platform: NodeJS.Platform;
  /** Node's `process.arch` on that target. */
  arch: string;
  /** GOOS for the cross build. */
  goos: string;
  /** GOARCH for the cross build. */
  goarch: string;
}

/** Targets that `npm run package` builds, one .vsix each. */
export const TARGETS: readonly Target[] = [
  { vsce: 'linux-x64', platform: 'linux', arch: 'x64', goos: 'linux', goarch: 'amd64' },
  { vsce: 'linux-arm64', platform: 'linux', arch: 'arm64', goos: 'linux', goarch: 'arm64' },
  { vsce: 'darwin-x64', platform: 'darwin', arch: 'x64', goos: 'darwin', goarch: 'amd64' },
  { vsce: 'darwin-arm64', platform: 'darwin', arch: 'arm64', goos: 'darwin', goarch: 'arm64' },
  { vsce: 'win32-x64', platform: 'win32', arch: 'x64', goos: 'windows', goarch: 'amd64' },
];

/**
 * Finds the target of a Node platform and architecture, or returns
 * undefined when no binary is built for it (for example linux-ia32).
 */
export function targetFor(platform: string, arch: string): Target | undefined {
  return TARGETS.find((t) => t.platform === platform && t.arch === arch);
}

/** Finds a target by its VS Code name, such as `darwin-arm64`. */
export function targetByName(name: string): Target | undefined {
  return TARGETS.find((t) => t.vsce === name);
}

/** Returns the file name of the stackls executable on a platform. */
export function executableName(platform: string): string {
  return platform === 'win32' ? 'stackls.exe' : 'stackls';
}
