/**
 * Node entry of the language server: `node dist/server.js --stdio` (the VS Code client and any
 * other LSP client; `--node-ipc` works too). Nothing but the protocol may reach stdout, so
 * console output goes to the client's log.
 */
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';
import { WIRE_ENCODER } from './lsp/wireEncoder';
import { controlHeapGrowthWith } from './lsp/eagerCollection';

// Over stdio, messages are written with our encoder (diagnostics from cached pieces, see
// wireEncoder.ts). stdin stays a stream, so that vscode-languageserver still ends the server
// when the editor closes it; vscode-jsonrpc takes a stream or a reader/writer for each side,
// which its typings only offer in pairs.
const connection = process.argv.includes('--stdio')
  ? createConnection(
      ProposedFeatures.all,
      process.stdin,
      new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: WIRE_ENCODER }) as unknown as NodeJS.WritableStream,
    )
  : createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

controlHeapGrowthWith((flags) => v8.setFlagsFromString(flags));
const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;
startServer(connection, { docsBase });
