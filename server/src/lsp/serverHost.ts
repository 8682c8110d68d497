/**
 * What the LSP handlers share: open documents, their cached parses, per-resource settings and
 * a guard that turns an exception in one feature into a logged error answer.
 */
import {
  ResponseError,
  ErrorCodes,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FileParser, textLength, type ParsedFile } from '../core/parse/parseFile';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../core/settings/settings';
import type { ClientAbilities, FeatureContext } from '../core/features/featureContext';
import { prepareDocument } from '../core/features/prepareDocument';
import { withEagerCollection } from './eagerCollection';

export interface ServerOptions {
  /** Base URI of docs/rules/ pages linked from diagnostics. */
  readonly docsBase: string;
}

export class ServerHost {
  readonly parser = new FileParser();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly parsed = new Map<string, { version: number; file: ParsedFile; maxFileSize: number }>();
  abilities: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };
  configurationSupported = false;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly options: ServerOptions,
  ) {}

  /** The parse of an open document at its current version (parsed at most once per version). */
  fileFor(document: TextDocument, settings: Settings): ParsedFile {
    const hit = this.parsed.get(document.uri);
    if (hit && hit.version === document.version && hit.maxFileSize === settings.maxFileSize) return hit.file;
    const parse = () =>
      this.parser.parse(document, {
        maxFileSize: settings.maxFileSize,
        onDocument: (parsed) => prepareDocument(parsed, settings),
      });
    // Opening a bundle larger than the tree budget is where parsing garbage piles up most.
    const large = !this.parser.knows(document.uri) && textLength(document) > this.parser.trees.budget;
    const file = large ? withEagerCollection(parse) : parse();
    this.parsed.set(document.uri, { version: document.version, file, maxFileSize: settings.maxFileSize });
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
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const context = await this.contextFor(uri);
    return { document, file: this.fileFor(document, context.settings), context };
  }

  /** Runs a handler; an exception is logged and answered as an error instead of ending the server. */
  async guard<T>(feature: string, run: () => T | Promise<T>): Promise<T | ResponseError<void>> {
    try {
      return await run();
    } catch (error) {
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
