/**
 * Document text is data, never markup: hovers over hostile manifests are rendered by a real
 * CommonMark renderer (markdown-it, with HTML and GFM autolinks on, as permissive as VS Code's)
 * and may contain no image, no HTML from the file and no link but our own — while still showing
 * the hostile value itself, as text.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/core/features/hover';
import { completion } from '../../server/src/core/features/completion';
import type { ClientAbilities, FeatureContext } from '../../server/src/core/features/featureContext';
import { code, toPlainText } from '../../server/src/core/features/markup';
import { shorten } from '../../server/src/core/rules/util/quote';
import { parseFile } from '../../server/src/core/parse/parseFile';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings/settings';
import { CURSOR, lines, withCursor } from '../support/text';

const VSCODE: ClientAbilities = { markdown: true, completionMarkdown: true, snippets: true, commandLinks: true };
const PLAIN: ClientAbilities = { markdown: false, completionMarkdown: false, snippets: false, commandLinks: false };
const URI = 'file:///work/hostile.yaml';
const md = new MarkdownIt({ html: true, linkify: true });

/** What an attacker puts into a value: each must stay text. */
const PAYLOADS = [
  '1`![x](https://attacker.test/p.png)`',
  '`[Read the docs](command:kubeWorkloads.convertTo?%5B%7B%22uri%22%3A%22file%3A%2F%2F%2Fother.yaml%22%7D%5D)`',
  '``` ![x](http://attacker.test/a.png) ```',
  '<img src="http://attacker.test/i.png" onerror="alert(1)">',
  'x\n\n[a](command:kubeWorkloads.showComparison)\n\n<b>bold</b>',
  '\\`<a href="https://attacker.test">docs</a>\\`',
  'see https://attacker.test/x and www.attacker.test',
  '` `',
  '`',
];

function hoverMarkdown(marked: string, abilities = VSCODE): string {
  const { text, offset } = withCursor(marked);
  const ctx: FeatureContext = { settings: DEFAULT_SETTINGS, abilities, docsBase: 'https://example.test/' };
  const result = hover(parseFile(TextDocument.create(URI, 'yaml', 1, text)), offset, ctx);
  assert.ok(result, `a hover at ${JSON.stringify(marked.slice(Math.max(0, marked.indexOf(CURSOR) - 30), marked.indexOf(CURSOR) + 30))}`);
  return (result.contents as MarkupContent).value;
}

function deployment(labelsLine: string, resourcesLines: string[], apiVersion = 'apps/v1'): string {
  return lines(
    `apiVersion: ${apiVersion}`,
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels:',
    `    ${labelsLine}`,
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx:1.27',
    '          resources:',
    ...resourcesLines.map((l) => `            ${l}`),
  );
}

/** Renders the Markdown and returns every tag and link in it that is not plain formatting. */
function activeParts(markdown: string): { links: string[]; images: number; html: string[] } {
  const html = md.render(markdown);
  const links = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!);
  const images = (html.match(/<img/g) ?? []).length;
  const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
  return { links, images, html: tags.filter((t) => !['p', 'strong', 'em', 'code', 'ul', 'li', 'h3', 'hr', 'a'].includes(t)) };
}

/** The text of the rendered code spans, entities decoded. */
function codeTexts(markdown: string): string[] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...md.render(markdown).matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => decode(m[1]!));
}

function assertInert(markdown: string, ours: readonly string[] = []): void {
  const parts = activeParts(markdown);
  assert.equal(parts.images, 0, `no image in:\n${markdown}`);
  assert.deepEqual(parts.html, [], `no HTML in:\n${markdown}`);
  assert.deepEqual(parts.links.filter((l) => !ours.some((o) => l.startsWith(o))), [], `no link but ours in:\n${markdown}`);
}

/** `code` shows line breaks as ↵ and other control characters as symbols; that is the only change. */
function shown(value: string): string {
  return shorten(value).replace(/\n/g, '↵');
}

describe('document text in Markdown', () => {
  for (const payload of PAYLOADS) {
    const yamlString = JSON.stringify(payload);

    test(`an invalid quantity ${yamlString} is shown as text`, () => {
      const markdown = hoverMarkdown(deployment('app: web', [`limits: {cpu: ${CURSOR}${yamlString}}`]));
      assert.match(markdown, /is not a valid quantity/);
      assertInert(markdown);
      assert.ok(codeTexts(markdown).includes(shown(payload)), `the value itself is shown:\n${markdown}`);
    });

    test(`a label key ${yamlString} is shown as text in the field path`, () => {
      const markdown = hoverMarkdown(deployment(`${CURSOR}${yamlString}: x`, ['limits: {cpu: 1}']));
      assertInert(markdown, ['https://kubernetes.io/']);
      // The path spells a key that is not an identifier as a JSON string.
      assert.equal(codeTexts(markdown)[0], shorten(`metadata.labels[${JSON.stringify(payload)}]`, 200), `the key is shown:\n${markdown}`);
    });

    test(`an extended resource named ${yamlString} is shown as text`, () => {
      const markdown = hoverMarkdown(deployment('app: web', [`limits: {${yamlString}: ${CURSOR}2}`]));
      assert.match(markdown, /^\*\*`2`\*\* = 2 /);
      assertInert(markdown);
    });

    test(`an apiVersion ${yamlString} is shown as text`, () => {
      const markdown = hoverMarkdown(deployment('app: web', ['limits: {cpu: 1}'], `${CURSOR}${yamlString}`));
      assert.match(markdown, /never served Deployment/);
      assertInert(markdown, ['https://kubernetes.io/']);
    });
  }

  test('the kind card links only to our commands, with the arguments the server chose', () => {
    const text = deployment('"[x](command:kubeWorkloads.convertTo?%5B%5D)": y', ['limits: {cpu: 1}']).replace('kind: Deployment', `kind: ${CURSOR}Deployment`);
    const markdown = hoverMarkdown(text);
    const { links } = activeParts(markdown);
    const commands = links.filter((l) => l.startsWith('command:'));
    assert.equal(commands.length, 4, markdown);
    for (const link of commands.filter((l) => l.startsWith('command:kubeWorkloads.convertTo?'))) {
      const args = JSON.parse(decodeURIComponent(link.slice('command:kubeWorkloads.convertTo?'.length))) as { uri: string; position: unknown }[];
      assert.equal(args[0]!.uri, URI);
      assert.deepEqual(args[0]!.position, { line: 1, character: 6 });
    }
  });

  test('a plain-text client gets the hostile value verbatim', () => {
    const payload = PAYLOADS[0]!;
    const value = hoverMarkdown(deployment('app: web', [`limits: {cpu: ${CURSOR}${JSON.stringify(payload)}}`]), PLAIN);
    assert.ok(value.startsWith(`${payload} is not a valid quantity`), value);
  });

  test('completion documentation carries no document text', () => {
    const text = deployment('"![x](http://attacker.test/c.png)": y', ['limits: {cpu: 1}']) + `          ${CURSOR}\n`;
    const { text: source, offset } = withCursor(text);
    const ctx: FeatureContext = { settings: DEFAULT_SETTINGS, abilities: VSCODE, docsBase: 'https://example.test/' };
    const items = completion(parseFile(TextDocument.create(URI, 'yaml', 1, source)), offset, ctx);
    assert.ok(items.length > 10, `container fields offered: ${items.length}`);
    // The API descriptions (from the kubernetes-types package) link to kubernetes.io and GitHub.
    for (const item of items) assertInert((item.documentation as MarkupContent | undefined)?.value ?? '', ['https://kubernetes.io/', 'https://github.com/kubernetes/']);
  });
});

describe('code spans', () => {
  // value, its span, what a renderer shows (and the plain text gives)
  const cases: [string, string, string][] = [
    ['plain', '`plain`', 'plain'],
    ['a`b', '``a`b``', 'a`b'],
    ['``x```', '```` ``x``` ````', '``x```'],
    [' x', '`  x `', ' x'],
    ['', '` `', ' '],
    ['a\nb', '`a↵b`', 'a↵b'],
    ['a\u0007b', '`a\u2407b`', 'a\u2407b'],
  ];
  for (const [value, span, rendered] of cases) {
    test(`${JSON.stringify(value)} → ${span}`, () => {
      assert.equal(code(value), span);
      assert.deepEqual(codeTexts(span), [rendered]);
      assert.equal(toPlainText(`is ${span}.`), `is ${rendered}.`);
    });
  }

  test('a long value is shortened, with its length', () => {
    const long = 'a'.repeat(50) + 'b'.repeat(5000);
    const span = code(long);
    assert.ok(span.length < 100, span);
    assert.match(span, /^`a{36}…b{24} \(5,050 characters\)`$/);
  });

  test('plain text keeps our links as "text: target" and drops command links', () => {
    assert.equal(
      toPlainText('**`a*b`** — see [the docs](https://example.test/d) · [Compare](command:x.y)\n\n*As documented:* \\[not a link\\]'),
      'a*b — see the docs: https://example.test/d · \n\nAs documented: [not a link]',
    );
  });
});
