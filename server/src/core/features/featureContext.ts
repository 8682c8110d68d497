/**
 * What every feature receives besides the parsed file: the settings for the file's resource and
 * what the client can show.
 */
import type { Settings } from '../settings/settings';

export interface ClientAbilities {
  /** The client renders Markdown in hovers. */
  readonly markdown: boolean;
  /** The client renders Markdown in completion item documentation. */
  readonly completionMarkdown: boolean;
  /** The client accepts snippet syntax in completion items. */
  readonly snippets: boolean;
  /** The client can run `command:` links (VS Code). */
  readonly commandLinks: boolean;
}

export interface FeatureContext {
  readonly settings: Settings;
  readonly abilities: ClientAbilities;
  /** Base URI of docs/rules/ pages. */
  readonly docsBase: string;
}

export const PLAIN_CLIENT: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };
