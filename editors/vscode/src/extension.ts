// VS Code client for stackls: starts `stackls serve --stdio` and connects
// it to the editor through vscode-languageclient.

import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { resolveServer } from './binary';
import { documentSelector } from './selector';
import { traceChannel } from './trace';

const CLIENT_ID = 'stackls';
const CLIENT_NAME = 'stackls';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** Starts the server and registers the commands and the setting watcher. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('stackls.restartServer', () => restart(context)),
    vscode.commands.registerCommand('stackls.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('stackls.path') || event.affectsConfiguration('stackls.trace.server')) {
        void restart(context);
      }
    }),
  );

  await start(context);
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const channel = output as vscode.LogOutputChannel;
  const config = vscode.workspace.getConfiguration('stackls');
  const resolved = resolveServer({
    configuredPath: config.get<string>('path', ''),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homeDir: os.homedir(),
    platform: process.platform,
    arch: process.arch,
    exists: (file) => fs.existsSync(file),
  });
  if (resolved.note !== undefined) {
    channel.info(`Using stackls from PATH: ${resolved.note}.`);
  }
  channel.info(`Starting ${resolved.command} ${resolved.args.join(' ')} (${resolved.source})`);

  // NOTE: no `transport` here. TransportKind.stdio would append its own
  // `--stdio` argument to the command line, which already carries one.
  const serverOptions: ServerOptions = { command: resolved.command, args: resolved.args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: channel,
    traceOutputChannel: traceChannel(channel, config.get<string>('trace.server', 'off'), vscode.LogLevel.Trace),
  };

  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    channel.error(`Failed to start ${resolved.command}: ${message}`);
    void vscode.window.showErrorMessage(
      `stackls failed to start ${resolved.command}: ${message}. Set "stackls.path" to a working stackls binary.`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running !== undefined && running.isRunning()) {
    await running.stop();
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}
