/**
 * Web-worker entry of the language server (dist/serverWorker.js), for VS Code in the browser
 * (vscode.dev, github.dev, code-server's web-worker extension host): the same startServer and
 * core as main.ts, over the worker's message port. Nothing here reads files or uses Node; the
 * client tells where the rule pages are (`initializationOptions.docsBase`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './lsp/startServer';

// The worker's global scope (the server's tsconfig has no DOM or WebWorker library).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

// The server yields with setImmediate between slices of work and to let a burst of edits
// coalesce; a worker has no setImmediate, and a message to itself is the nearest thing (a
// timeout is clamped to 4 ms once nested).
if (typeof globalThis.setImmediate !== 'function') {
  const channel = new MessageChannel() as unknown as { port1: { onmessage: (event: { data: number }) => void }; port2: { postMessage(id: number): void } };
  const queue = new Map<number, () => void>();
  let next = 0;
  channel.port1.onmessage = (event) => {
    const run = queue.get(event.data);
    queue.delete(event.data);
    run?.();
  };
  const immediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    const id = ++next;
    queue.set(id, () => callback(...args));
    channel.port2.postMessage(id);
    return id;
  };
  Object.assign(globalThis, { setImmediate: immediate, clearImmediate: (id: number) => queue.delete(id) });
}

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

startServer(connection, {
  // The extension always sends the folder of its own rule pages (client/src/languageClientWeb.ts).
  docsBase: '',
  docsBaseFrom: (options) => {
    const base = (options as { docsBase?: unknown } | null | undefined)?.docsBase;
    return typeof base === 'string' ? base : undefined;
  },
});
