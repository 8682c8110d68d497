/**
 * What every quick-fix must mean: the finding it fixes is gone, no Error appears that the input
 * did not have, and applying it again changes nothing (the fixed text offers that fix for that
 * finding no more). Fix-all, applied twice, changes nothing the second time.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, quickFixes } from '../../server/src/core/features/codeActions';
import { applyTextEdits } from '../../server/src/core/edit/textEdits';
import { normalizeSettings } from '../../server/src/core/settings/settings';
import { diagnose } from './annotations';
import { added, errorKeys, parseText } from './conversionProperties';

const URI = 'file:///properties.yaml';
const SETTINGS = normalizeSettings({});

export interface FixCheck {
  /** Fixes applied and checked. */
  readonly fixes: number;
  readonly failures: string[];
}

/**
 * Applies every quick-fix offered for every finding of `text` (or only for the findings whose
 * `rule: message` is not in `skip`), one at a time, and checks each.
 */
export function checkFixes(text: string, skip: ReadonlySet<string> = new Set()): FixCheck {
  const file = parseText(text);
  const diagnostics = diagnose(text, {}, URI);
  const failures: string[] = [];
  let fixes = 0;
  for (const diagnostic of diagnostics) {
    const key = `${String(diagnostic.code)}: ${diagnostic.message}`;
    if (skip.has(key)) continue;
    for (const action of quickFixes(file, [diagnostic])) {
      fixes++;
      const fail = (what: string) => failures.push(`"${action.title}" for ${key}: ${what}`);
      const out = applyTextEdits(file.document, action.edit?.changes?.[URI] ?? []);
      const after = diagnose(out, {}, URI);
      const count = (list: typeof after) => list.filter((d) => `${String(d.code)}: ${d.message}` === key).length;
      if (count(after) >= count(diagnostics)) fail('the finding is still there');
      for (const e of added(errorKeys(diagnostics), errorKeys(after))) fail(`new error ${e}`);
      const again = quickFixes(parseText(out), after.filter((d) => `${String(d.code)}: ${d.message}` === key));
      if (again.some((a) => a.title === action.title && applyTextEdits(TextDocument.create(URI, 'yaml', 1, out), a.edit?.changes?.[URI] ?? []) !== out)) {
        fail('applying it again changes the text again');
      }
    }
  }
  return { fixes, failures };
}

/** Fix-all on its own result changes nothing. */
export function checkFixAllTwice(text: string): string[] {
  const once = runFixAll(text);
  const twice = runFixAll(once);
  return twice === once ? [] : [`fix-all applied twice changed the text again:\n${once}\n---- then ----\n${twice}`];
}

function runFixAll(text: string): string {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return applyTextEdits(document, fixAll(parseText(text), SETTINGS));
}

/** The `rule: message` of every finding of a text. */
export function findingKeys(text: string): Set<string> {
  return new Set(diagnose(text, {}, URI).map((d) => `${String(d.code)}: ${d.message}`));
}
