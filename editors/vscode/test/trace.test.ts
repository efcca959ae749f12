import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceChannel, TraceTarget } from '../src/trace';

const TRACE = 1;
const INFO = 3;

class FakeChannel implements TraceTarget {
  logLevel = INFO;
  lines: string[] = [];
  trace(message: string): void {
    this.lines.push(`[trace] ${message}`);
  }
  info(message: string): void {
    this.lines.push(`[info] ${message}`);
  }
  show(): string {
    return `shown ${this.lines.length}`;
  }
}

describe('traceChannel', () => {
  it('returns the channel itself when the setting is off', () => {
    const channel = new FakeChannel();
    assert.equal(traceChannel(channel, 'off', TRACE), channel);
  });

  for (const setting of ['messages', 'verbose']) {
    it(`reports level Trace and writes at Info for ${setting}`, () => {
      const channel = new FakeChannel();
      const view = traceChannel(channel, setting, TRACE);
      assert.equal(view.logLevel, TRACE);
      view.trace("Sending request 'textDocument/hover - (1)'.");
      assert.deepEqual(channel.lines, ["[info] Sending request 'textDocument/hover - (1)'."]);
    });
  }

  it('passes other members through to the channel', () => {
    const channel = new FakeChannel();
    const view = traceChannel(channel, 'messages', TRACE);
    view.info('started');
    assert.equal(view.show(), 'shown 1');
    assert.deepEqual(channel.lines, ['[info] started']);
  });
});
