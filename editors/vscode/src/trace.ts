// vscode-languageclient (10 and later) traces LSP traffic only while the
// trace output channel is at log level Trace, and writes each message at
// that level, which the channel hides at its default level Info. This
// adapter lets the `stackls.trace.server` setting alone turn tracing on.

/** The part of vscode.LogOutputChannel that the adapter touches. */
export interface TraceTarget {
  readonly logLevel: number;
  trace(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
}

/**
 * Returns channel itself when tracing is off. Otherwise returns a view of
 * channel that reports `traceLevel` as its log level and writes trace
 * messages at level Info, so they show at the default level.
 */
export function traceChannel<T extends TraceTarget>(channel: T, setting: string, traceLevel: number): T {
  if (setting === 'off' || setting === '') {
    return channel;
  }
  return new Proxy(channel, {
    get(target, property) {
      if (property === 'logLevel') {
        return traceLevel;
      }
      if (property === 'trace') {
        return (message: string, ...args: unknown[]) => target.info(message, ...args);
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
