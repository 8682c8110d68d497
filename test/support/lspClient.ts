/**
 * A minimal LSP client for protocol tests and the benchmark: starts the bundled server
 * (`node dist/server.js --stdio`) as a child process and speaks real JSON-RPC to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

/** The repository root: the nearest folder above this bundle that holds package.json. */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
/** `KW_SERVER_JS` starts another build instead, and `KW_SERVER_ARGS` adds Node flags (test/bench/README.md). */
export const SERVER = process.env.KW_SERVER_JS ?? path.join(REPO_ROOT, 'dist', 'server.js');
const EXTRA_NODE_FLAGS = process.env.KW_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];

export interface TestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Resolves with the next publishDiagnostics for `uri` (optionally at a document version). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, version?: number): void;
  /** The requests the server sent to the client, by method (registerCapability, configuration …). */
  readonly serverRequests: { method: string; params: unknown }[];
  /** Everything the server wrote to stderr (should stay empty). */
  readonly stderr: string[];
  shutdown(): Promise<number | null>;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true },
  },
  workspace: { configuration: true },
};

/** DEFAULT_CAPABILITIES with pull diagnostics, which VS Code's client announces. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

/** A textDocument/diagnostic answer: a full report, or "unchanged" with the id of the report still valid. */
export interface PullReport {
  readonly kind: 'full' | 'unchanged';
  readonly resultId?: string;
  readonly items?: Diagnostic[];
}

/** Pulls a document's diagnostics, naming a report received before when there is one. */
export function pullDiagnostics(client: TestClient, uri: string, previousResultId?: string): Promise<PullReport> {
  return client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<PullReport>;
}

export async function startServer(
  capabilities: ClientCapabilities = DEFAULT_CAPABILITIES,
  settings: Record<string, unknown> = {},
  initializationOptions?: unknown,
): Promise<TestClient> {
  // The flags the VS Code client starts the server with (server/src/nodeFlags.ts).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...EXTRA_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const i = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version));
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(p.diagnostics);
  });
  const serverRequests: { method: string; params: unknown }[] = [];
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
    serverRequests.push({ method: 'workspace/configuration', params: p });
    return p.items.map(() => settings);
  });
  connection.onRequest('client/registerCapability', (p: unknown) => {
    serverRequests.push({ method: 'client/registerCapability', params: p });
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities,
    clientInfo: { name: 'kube-workloads-tests' },
    ...(initializationOptions === undefined ? {} : { initializationOptions }),
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    initializeResult,
    serverRequests,
    stderr,
    nextDiagnostics: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    open: (uri, text, version = 1) =>
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } }),
    shutdown: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    },
  };
}
