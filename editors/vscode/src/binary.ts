// Resolution of the stackls command line. This file imports nothing from
// `vscode`, so its rules are unit-tested with node's test runner.

import * as path from 'path';
import { executableName, targetFor } from './targets';

/** Arguments that start the language server on stdin and stdout. */
export const SERVE_ARGS: readonly string[] = ['serve', '--stdio'];

/** Inputs of the resolution, read from VS Code and the OS. */
export interface ResolveInput {
  /** Value of the `stackls.path` setting; empty or blank means unset. */
  configuredPath: string;
  /** Folder the extension is installed in. */
  extensionPath: string;
  /** First workspace folder, used for a relative `stackls.path`. */
  workspaceFolder?: string;
  /** Home folder, used to expand a leading `~`. */
  homeDir: string;
  platform: string;
  arch: string;
  /** Reports whether a file exists; injected so tests need no files. */
  exists: (file: string) => boolean;
}

/** The command to start and where it came from, for the output channel. */
export interface Resolved {
  command: string;
  args: string[];
  source: 'setting' | 'bundled' | 'path';
  /** Reason the bundled binary was not used, when source is `path`. */
  note?: string;
}

/**
 * Resolves the stackls command. The `stackls.path` setting wins. Without
 * it the binary bundled under `bin/<target>/` runs, and when the extension
 * has no binary for this platform, `stackls` is looked up on PATH.
 */
export function resolveServer(input: ResolveInput): Resolved {
  const args = [...SERVE_ARGS];
  const configured = input.configuredPath.trim();
  if (configured !== '') {
    return { command: expandPath(configured, input), args, source: 'setting' };
  }

  const fallback = executableName(input.platform);
  const target = targetFor(input.platform, input.arch);
  if (target === undefined) {
    const note = `no bundled binary for ${input.platform}-${input.arch}`;
    return { command: fallback, args, source: 'path', note };
  }

  const bundled = bundledPath(input.extensionPath, target.vsce, input.platform);
  if (!input.exists(bundled)) {
    return { command: fallback, args, source: 'path', note: `${bundled} does not exist` };
  }
  return { command: bundled, args, source: 'bundled' };
}

/** Returns the path of the binary that a .vsix for `target` contains. */
export function bundledPath(extensionPath: string, target: string, platform: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(extensionPath, 'bin', target, executableName(platform));
}

/**
 * Expands a `stackls.path` value: `~` becomes the home folder, a relative
 * path with a separator is resolved against the workspace folder, and a
 * bare name is left for the OS to look up on PATH.
 */
export function expandPath(value: string, input: ResolveInput): string {
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    return p.join(input.homeDir, value.slice(1));
  }
  if (p.isAbsolute(value)) {
    return value;
  }
  const hasSeparator = value.includes('/') || (input.platform === 'win32' && value.includes('\\'));
  if (!hasSeparator || input.workspaceFolder === undefined) {
    return value;
  }
  return p.resolve(input.workspaceFolder, value);
}
