import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES } from '../src/selector';
import { executableName, TARGETS, targetByName, targetFor } from '../src/targets';

describe('targetFor', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['linux', 'x64', 'linux-x64', 'linux/amd64'],
    ['linux', 'arm64', 'linux-arm64', 'linux/arm64'],
    ['darwin', 'x64', 'darwin-x64', 'darwin/amd64'],
    ['darwin', 'arm64', 'darwin-arm64', 'darwin/arm64'],
    ['win32', 'x64', 'win32-x64', 'windows/amd64'],
    ['win32', 'arm64', undefined, undefined],
    ['linux', 'ia32', undefined, undefined],
    ['freebsd', 'x64', undefined, undefined],
  ];
  for (const [platform, arch, vsce, go] of cases) {
    it(`${platform}-${arch}`, () => {
      const t = targetFor(platform, arch);
      assert.equal(t?.vsce, vsce);
      assert.equal(t === undefined ? undefined : `${t.goos}/${t.goarch}`, go);
    });
  }
});

describe('TARGETS', () => {
  it('lists the five release targets once each', () => {
    const names = TARGETS.map((t) => t.vsce).sort();
    assert.deepEqual(names, ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'win32-x64']);
  });

  it('finds each target by name', () => {
    for (const t of TARGETS) {
      assert.equal(targetByName(t.vsce), t);
    }
    assert.equal(targetByName('alpine-x64'), undefined);
  });
});

describe('executableName', () => {
  it('adds .exe on Windows only', () => {
    assert.equal(executableName('win32'), 'stackls.exe');
    assert.equal(executableName('linux'), 'stackls');
    assert.equal(executableName('darwin'), 'stackls');
  });
});

describe('package.json', () => {
  // The tests run from out/test, two levels below the extension folder.
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

  it('starts the server through the main module that tsc writes', () => {
    assert.equal(manifest.main, './out/src/extension.js');
  });

  it('declares the settings the extension reads', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['stackls.path'].type, 'string');
    assert.deepEqual(props['stackls.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('gives compose files the languageId that Docker uses', () => {
    const compose = manifest.contributes.languages.find((l: { id: string }) => l.id === 'dockercompose');
    assert.deepEqual(compose.filenamePatterns, [
      'compose.yml',
      'compose.yaml',
      'compose.*.yml',
      'compose.*.yaml',
      '*docker*compose*.yml',
      '*docker*compose*.yaml',
    ]);
  });

  it('activates on every language of the selector', () => {
    for (const language of LANGUAGES) {
      assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
    }
  });
});
