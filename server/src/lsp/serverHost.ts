/**
 * What the LSP handlers share: open documents, their cached parses, per-resource settings and
 * a guard that turns an exception in one feature into a logged error answer.
 */
import {
  type WorkDoneProgressServerReporter,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileParser, textLength, type ParsedFile } from '../core/parse/parseFile';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings/settings';
import type { ClientAbilities, FeatureContext } from '../core/features/featureContext';
import { prepareDocument } from '../core/features/prepareDocument';
import { withEagerCollection, withEagerCollectionAsync } from './eagerCollection';
import { ContentModifiedError, InvalidParamsError } from './params';

export interface ServerOptions {
  /** Base URI of docs/rules/ pages linked from diagnostics. */
  readonly docsBase: string;
}

/**
 * Files at least this large (UTF-16 code units, about 450 typical documents and a second of
 * analysis here) are analysed a slice at a time when they are opened, with progress.
 */
export const SLICED_OPEN = 1024 * 1024;
/**
 * How long one slice of such an analysis runs, and how many turns of the event loop follow it.
 * vscode-jsonrpc handles one message per turn, and a request usually needs a few (its own, the
 * settings it asks the client for): so another file's hover is answered within a few slices.
 */
const SLICE_MS = 25;
const TURNS_BETWEEN_SLICES = 4;

/** The file name a URI ends with, as the user wrote it (`my%20file.yaml` → `my file.yaml`). */
function fileName(uri: string): string {
  const name = path.posix.basename(uri);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export class ServerHost {
  readonly parser = new FileParser();
  /** First analyses of large files under way (`prepareInSlices`); requests for such a file wait for them. */
  private readonly preparing = new Map<string, Promise<void>>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly parsed = new Map<string, { document: TextDocument; version: number; file: ParsedFile; maxFileSize: number }>();
  abilities: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };
  configurationSupported = false;
  /** The client takes a dynamic registration of didChangeConfiguration. */
  configurationRegistration = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly options: ServerOptions,
  ) {
    // Registered before any feature's handlers, so that diagnostics find the analysis under way.
    documents.onDidOpen((e) => this.opened(e.document));
  }

  /**
   * A large file just opened is analysed a slice at a time, so that the server keeps answering
   * other files meanwhile and the editor can show how far it has got: parsing and analysing a
   * 5,000-document bundle takes seconds. Requests for the file itself wait until it is done.
   */
  private opened(document: TextDocument): void {
    const uri = document.uri;
    if (textLength(document) < SLICED_OPEN) return;
    const run: Promise<void> = this.prepareInSlices(document)
      .catch((error: unknown) => this.connection.console.error(`analysing ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .finally(() => {
        if (this.preparing.get(uri) === run) this.preparing.delete(uri);
      });
    this.preparing.set(uri, run);
  }

  private async prepareInSlices(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const settings = await this.settingsFor(uri);
    if (this.documents.get(uri) !== document || textLength(document) > settings.maxFileSize) return;
    const preparation = this.parser.prepare(document, { onDocument: (parsed) => prepareDocument(parsed, settings) });
    // (Counted in `---`-separated parts, which are documents but for the rare `...` inside one.)
    const told = (done: number) => `${done} of ${preparation.total} documents`;
    let percent = 0;
    // The progress begins once the client has created it; the analysis does not wait for that.
    // A client that refuses gets none.
    let progress: WorkDoneProgressServerReporter | undefined;
    let finished = false;
    void this.connection.window.createWorkDoneProgress().then(
      (reporter) => {
        reporter.begin(`Kubernetes Workloads: analysing ${fileName(uri)}`, percent, told(preparation.done), false);
        if (finished) reporter.done();
        else progress = reporter;
      },
      () => undefined,
    );
    const now = () => performance.now();
    const slices = async () => {
      while (!preparation.step(now() + SLICE_MS, now)) {
        const reached = Math.floor((100 * preparation.done) / preparation.total);
        if (reached > percent) progress?.report((percent = reached), told(preparation.done));
        // What arrived meanwhile is read and answered.
        for (let turn = 0; turn < TURNS_BETWEEN_SLICES; turn++) await new Promise((resolve) => setImmediate(resolve));
        if (this.documents.get(uri) !== document) return;
      }
    };
    try {
      // As in fileFor: past the tree budget, the parsing garbage is collected eagerly.
      await (textLength(document) > this.parser.trees.budget ? withEagerCollectionAsync(slices) : slices());
    } finally {
      finished = true;
      progress?.done();
    }
  }

  /** Resolves once no first analysis of the file is under way (one may start on a reopen while waiting). */
  async ready(uri: string): Promise<void> {
    for (let run = this.preparing.get(uri); run; run = this.preparing.get(uri)) await run;
  }

  /**
   * The parse of an open document at its current version (parsed at most once per version). A
   * document that is no longer the open one (closed while a request waited) is not parsed: it
   * reads as an empty file, so nothing is analysed, nor kept, for a file the editor let go.
   */
  fileFor(document: TextDocument, settings: Settings): ParsedFile {
    if (this.documents.get(document.uri) !== document) return { document, docs: [], isKubernetes: false };
    const hit = this.parsed.get(document.uri);
    if (hit && hit.document === document && hit.version === document.version && hit.maxFileSize === settings.maxFileSize) return hit.file;
    const parse = () =>
      this.parser.parse(document, {
        maxFileSize: settings.maxFileSize,
        onDocument: (parsed) => prepareDocument(parsed, settings),
      });
    // Opening a bundle larger than the tree budget is where parsing garbage piles up most.
    const large = !this.parser.knows(document.uri) && textLength(document) > this.parser.trees.budget;
    const file = large ? withEagerCollection(parse) : parse();
    this.parsed.set(document.uri, { document, version: document.version, file, maxFileSize: settings.maxFileSize });
    return file;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.parser.forget(uri);
    this.settingsCache.delete(uri);
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.configurationSupported) return Promise.resolve(this.globalSettings);
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kubeWorkloads' })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  globalSettings: Settings = DEFAULT_SETTINGS;

  /** Called after settings change, once the cache is cleared (re-validation, refreshes). */
  readonly onSettingsChanged: (() => void)[] = [];

  settingsChanged(): void {
    this.settingsCache.clear();
    this.parsed.clear();
    for (const listener of this.onSettingsChanged) listener();
  }

  async contextFor(uri: string): Promise<FeatureContext> {
    return { settings: await this.settingsFor(uri), abilities: this.abilities, docsBase: this.options.docsBase };
  }

  /** Document + parse + context for a request, or undefined when the document is not open. */
  async request(uri: string): Promise<{ document: TextDocument; file: ParsedFile; context: FeatureContext } | undefined> {
    await this.ready(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const context = await this.contextFor(uri);
    // Closed (or closed and opened again) while the settings came: a newer request has it.
    if (this.documents.get(uri) !== document) return undefined;
    return { document, file: this.fileFor(document, context.settings), context };
  }

  /**
   * Runs a handler; an exception is logged and answered as an error instead of ending the server.
   * Parameters the handler could not use (params.ts) are answered "invalid params", unlogged.
   */
  async guard<T>(feature: string, run: () => T | Promise<T>): Promise<T | ResponseError<void>> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof InvalidParamsError) return new ResponseError(ErrorCodes.InvalidParams, `kube-workloads: ${feature}: ${error.message}.`);
      if (error instanceof ContentModifiedError) return new ResponseError(LSPErrorCodes.ContentModified, `kube-workloads: ${feature}: ${error.message}.`);
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.connection.console.error(`${feature} failed: ${detail}`);
      return new ResponseError(ErrorCodes.InternalError, `kube-workloads: ${feature} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** One LSP feature: what it announces at initialize, and its handlers. */
export interface FeatureRegistration {
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(host: ServerHost): void;
}
