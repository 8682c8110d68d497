/**
 * Hover and completion in the kinds beside workloads: a Service, a CronJob's pod template, a
 * custom resource (nothing).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/core/features/hover';
import { completion } from '../../server/src/core/features/completion';
import type { FeatureContext } from '../../server/src/core/features/featureContext';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { CURSOR, lines, withCursor } from '../support/text';

const CTX: FeatureContext = {
  settings: DEFAULT_SETTINGS,
  abilities: { markdown: true, completionMarkdown: true, snippets: true, commandLinks: false },
  docsBase: 'https://example.test/',
};

function at(marked: string): { file: ReturnType<typeof parseFile>; offset: number } {
  const { text, offset } = withCursor(marked);
  return { file: parseFile(TextDocument.create('file:///t.yaml', 'yaml', 1, text)), offset };
}

function hoverText(marked: string): string | null {
  const { file, offset } = at(marked);
  const result = hover(file, offset, CTX);
  return result ? (result.contents as MarkupContent).value : null;
}

function labels(marked: string): string[] {
  const { file, offset } = at(marked);
  return completion(file, offset, CTX).map((i) => i.label);
}

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: NodePort', '  ports:'];

describe('hover and completion beside workloads', () => {
  test('a Service port field is described from the model', () => {
    const text = hoverText(lines(...SERVICE, '    - port: 80', `      node${CURSOR}Port: 80`));
    assert.ok(text?.includes('spec.ports[0].nodePort'), String(text));
    assert.match(text!, /NodePort or LoadBalancer/);
  });

  test('completion offers a Service port’s missing fields', () => {
    const items = labels(lines(...SERVICE, '    - port: 80', `      ${CURSOR}`));
    for (const field of ['targetPort', 'nodePort', 'protocol', 'name']) assert.ok(items.includes(field), `${field} missing from ${items.join(', ')}`);
    assert.ok(!items.includes('port'), 'port is already set');
  });

  test("a CronJob's pod template fields are hovered", () => {
    const text = hoverText(lines(
      'apiVersion: batch/v1', 'kind: CronJob', 'metadata:', '  name: nightly', 'spec:', '  schedule: "0 3 * * *"', '  jobTemplate:',
      '    spec:', '      template:', '        spec:', `          restart${CURSOR}Policy: OnFailure`, '          containers: [{ name: a, image: b }]',
    ));
    assert.ok(text?.includes('spec.jobTemplate.spec.template.spec.restartPolicy'), String(text));
  });

  test('a custom resource gets no hover', () => {
    assert.equal(hoverText(lines('apiVersion: serving.knative.dev/v1', 'kind: Service', 'metadata:', `  na${CURSOR}me: hello`)), null);
  });
});
