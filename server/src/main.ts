/**
 * Node entry of the language server: `node dist/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client). Nothing but the protocol may reach stdout, so console
 * output goes to the client's log.
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// Parsing a large bundle allocates several times what it keeps (yaml's tokens, and the trees the
// tree budget drops). V8's default heap growth lets that garbage pile up to several times the
// live heap: a peak of about 330 MB for an 11 MB, 5,000-document bundle. Growing the heap by 20%
// at a time keeps the peak near 250 MB for a few milliseconds more per edit (npm run bench).
// The flag is a heuristic V8 reads each time it resizes the heap, so it can be set at run time.
v8.setFlagsFromString('--heap-growing-percent=20');

const connection = createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
startServer(connection, { docsBase });
