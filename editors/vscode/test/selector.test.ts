import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentSelector, PATTERNS } from '../src/selector';

// matchesGlob arrived in Node 22; on older Node these cases are skipped.
const matchesGlob = (path as unknown as { matchesGlob?: (p: string, g: string) => boolean }).matchesGlob;

describe('documentSelector', () => {
  it('covers files on disk and unsaved files', () => {
    const entries = documentSelector();
    for (const language of ['dockerfile', 'dockercompose', 'shellscript', 'makefile', 'dotenv', 'nginx']) {
      assert.ok(entries.some((e) => e.scheme === 'file' && e.language === language), language);
      assert.ok(entries.some((e) => e.scheme === 'untitled' && e.language === language), language);
    }
  });

  it('has no entry without a scheme', () => {
    for (const e of documentSelector()) {
      assert.ok(e.scheme === 'file' || e.scheme === 'untitled');
    }
  });
});

describe('PATTERNS', { skip: matchesGlob === undefined && 'path.matchesGlob needs Node 22' }, () => {
  const matched = (file: string) => PATTERNS.some((g) => matchesGlob!(file, g));
  const cases: [string, boolean][] = [
    ['srcs/docker-compose.yml', true],
    ['compose.yaml', true],
    ['deploy/compose.prod.yaml', true],
    ['srcs/requirements/nginx/conf/nginx.conf', true],
    ['srcs/requirements/mariadb/conf/50-server.cnf', true],
    ['srcs/requirements/nginx/conf/wordpress.conf.template', true],
    ['srcs/.env', true],
    ['srcs/.env.example', true],
    ['srcs/values.yaml', false],
    ['README.md', false],
  ];
  for (const [file, want] of cases) {
    it(file, () => assert.equal(matched(file), want));
  }
});
