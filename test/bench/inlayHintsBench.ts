/**
 * What inlay hints cost in the server process: for a 200-line document just parsed (after an
 * edit), working out its defaults and the hints for the whole document; and again once the
 * defaults are kept with the parse (every later request for the same version).
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { inlayHints } from '../../server/src/core/features/inlayHints';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { median } from './report';

export interface InlayHintFigures {
  readonly lines: number;
  readonly hints: number;
  readonly freshMs: number;
  readonly cachedMs: number;
}

export function measureInlayHints(text: string, runs = 50): InlayHintFigures {
  const fresh: number[] = [];
  const cached: number[] = [];
  let hints = 0;
  for (let run = 0; run < runs; run++) {
    const file = parseFile(TextDocument.create('file:///bench.yaml', 'yaml', run + 1, text));
    let t = performance.now();
    hints = inlayHints(file, 0, text.length, { ...DEFAULT_SETTINGS, inlayHints: 'on' }, false).length;
    fresh.push(performance.now() - t);
    t = performance.now();
    inlayHints(file, 0, text.length, { ...DEFAULT_SETTINGS, inlayHints: 'on' }, false);
    cached.push(performance.now() - t);
  }
  return { lines: text.split('\n').length - 1, hints, freshMs: median(fresh), cachedMs: median(cached) };
}

export function formatInlayHints(f: InlayHintFigures): string {
  return `Inlay hints (kubeWorkloads.inlayHints: on), ${f.lines}-line document, ${f.hints} hints: ${f.freshMs.toFixed(2)} ms right after a parse (defaults worked out), ${f.cachedMs.toFixed(2)} ms once kept (medians of 50)`;
}
