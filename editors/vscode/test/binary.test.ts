import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledPath, expandPath, resolveServer, ResolveInput } from '../src/binary';

function input(overrides: Partial<ResolveInput>): ResolveInput {
  return {
    configuredPath: '',
    extensionPath: '/ext/stackls-0.1.0',
    workspaceFolder: '/home/ada/project',
    homeDir: '/home/ada',
    platform: 'linux',
    arch: 'x64',
    exists: () => true,
    ...overrides,
  };
}

describe('resolveServer', () => {
  it('uses the bundled binary of the platform', () => {
    const got = resolveServer(input({}));
    assert.equal(got.command, '/ext/stackls-0.1.0/bin/linux-x64/stackls');
    assert.equal(got.source, 'bundled');
    assert.deepEqual(got.args, ['serve', '--stdio']);
  });

  it('uses the .exe on Windows', () => {
    const got = resolveServer(input({ platform: 'win32', extensionPath: 'C:\\ext\\stackls' }));
    assert.equal(got.command, 'C:\\ext\\stackls\\bin\\win32-x64\\stackls.exe');
    assert.equal(got.source, 'bundled');
  });

  it('prefers the setting over the bundled binary', () => {
    const got = resolveServer(input({ configuredPath: '/opt/stackls/bin/stackls' }));
    assert.equal(got.command, '/opt/stackls/bin/stackls');
    assert.equal(got.source, 'setting');
    assert.deepEqual(got.args, ['serve', '--stdio']);
  });

  it('ignores a blank setting', () => {
    const got = resolveServer(input({ configuredPath: '   ' }));
    assert.equal(got.source, 'bundled');
  });

  it('falls back to PATH when the bundled binary is missing', () => {
    const got = resolveServer(input({ exists: () => false }));
    assert.equal(got.command, 'stackls');
    assert.equal(got.source, 'path');
    assert.match(got.note ?? '', /bin\/linux-x64\/stackls does not exist/);
  });

  it('falls back to PATH on a platform without a build', () => {
    const got = resolveServer(input({ platform: 'freebsd', arch: 'x64' }));
    assert.equal(got.command, 'stackls');
    assert.equal(got.source, 'path');
    assert.equal(got.note, 'no bundled binary for freebsd-x64');
  });

  it('never passes --stdio twice', () => {
    const got = resolveServer(input({}));
    assert.equal(got.args.filter((a) => a === '--stdio').length, 1);
  });
});

describe('expandPath', () => {
  const cases: { name: string; value: string; platform?: string; folder?: string | null; want: string }[] = [
    { name: 'absolute', value: '/usr/local/bin/stackls', want: '/usr/local/bin/stackls' },
    { name: 'home', value: '~/go/bin/stackls', want: '/home/ada/go/bin/stackls' },
    { name: 'bare name', value: 'stackls', want: 'stackls' },
    { name: 'relative', value: './bin/stackls', want: '/home/ada/project/bin/stackls' },
    { name: 'relative parent', value: '../tools/stackls', want: '/home/ada/tools/stackls' },
    { name: 'relative, no folder', value: 'bin/stackls', folder: null, want: 'bin/stackls' },
    { name: 'windows absolute', value: 'C:\\tools\\stackls.exe', platform: 'win32', want: 'C:\\tools\\stackls.exe' },
    {
      name: 'windows relative',
      value: 'bin\\stackls.exe',
      platform: 'win32',
      folder: 'C:\\src\\app',
      want: 'C:\\src\\app\\bin\\stackls.exe',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const folder = c.folder === null ? undefined : (c.folder ?? '/home/ada/project');
      const got = expandPath(c.value, input({ platform: c.platform ?? 'linux', workspaceFolder: folder }));
      assert.equal(got, c.want);
    });
  }
});

describe('bundledPath', () => {
  it('joins with the separator of the platform', () => {
    assert.equal(bundledPath('/e', 'darwin-arm64', 'darwin'), '/e/bin/darwin-arm64/stackls');
    assert.equal(bundledPath('C:\\e', 'win32-x64', 'win32'), 'C:\\e\\bin\\win32-x64\\stackls.exe');
  });
});
