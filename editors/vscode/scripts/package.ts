// Builds one platform-specific .vsix per target: cross-compiles
// cmd/stackls with the Go toolchain, puts that one binary under
// bin/<target>/ and runs `vsce package --target <target>`.
//
// Usage: npm run package [-- --target linux-x64 [--target ...]]
// Output: dist/stackls-<target>-<version>.vsix

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { executableName, Target, TARGETS, targetByName } from '../src/targets';

// The compiled script runs from out/scripts, two levels below the extension.
const extensionDir = path.resolve(__dirname, '..', '..');
const repoRoot = path.resolve(extensionDir, '..', '..');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.error !== undefined) {
    throw new Error(`${command} failed to start: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with status ${result.status}`);
  }
}

/** Parses `--target NAME` options; no option means every target. */
function selectedTargets(argv: string[]): Target[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--target' && i + 1 < argv.length) {
      names.push(argv[++i]);
    } else {
      throw new Error(`invalid argument "${argv[i]}": expected --target NAME`);
    }
  }
  if (names.length === 0) {
    return [...TARGETS];
  }
  return names.map((name) => {
    const t = targetByName(name);
    if (t === undefined) {
      throw new Error(`unknown target "${name}"; expected one of ${TARGETS.map((x) => x.vsce).join(', ')}`);
    }
    return t;
  });
}

/** Cross-builds stackls for a target and returns the binary's path. */
function buildServer(t: Target): string {
  const out = path.join(extensionDir, 'out', 'bin', t.vsce, executableName(t.platform));
  const env = { ...process.env, CGO_ENABLED: '0', GOOS: t.goos, GOARCH: t.goarch };
  run('go', ['build', '-trimpath', '-ldflags', '-s -w', '-o', out, './cmd/stackls'], repoRoot, env);
  return out;
}

/** Stages one binary under bin/<target>/ and packages the .vsix. */
function packageTarget(t: Target, binary: string, version: string): string {
  const binDir = path.join(extensionDir, 'bin');
  fs.rmSync(binDir, { recursive: true, force: true });
  const staged = path.join(binDir, t.vsce, executableName(t.platform));
  fs.mkdirSync(path.dirname(staged), { recursive: true });
  fs.copyFileSync(binary, staged);
  fs.chmodSync(staged, 0o755);

  const vsix = path.join(extensionDir, 'dist', `stackls-${t.vsce}-${version}.vsix`);
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const vsce = path.join(extensionDir, 'node_modules', '.bin', 'vsce');
  // NOTE: --skip-license because the repository has no LICENSE file yet.
  run(vsce, ['package', '--target', t.vsce, '--out', vsix, '--skip-license'], extensionDir);
  return vsix;
}

function main(): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const targets = selectedTargets(process.argv.slice(2));
  const built: string[] = [];
  for (const t of targets) {
    built.push(packageTarget(t, buildServer(t), manifest.version));
  }
  fs.rmSync(path.join(extensionDir, 'bin'), { recursive: true, force: true });
  console.log(`Packaged ${built.length} extension(s):`);
  for (const vsix of built) {
    console.log(`  ${vsix}`);
  }
}

try {
  main();
} catch (err) {
  console.error(`package: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
