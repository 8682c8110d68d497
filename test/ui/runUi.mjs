#!/usr/bin/env node
// `npm run test:ui`: the packaged extension (kube-workloads.vsix), installed into a fresh
// code-server with --install-extension, checked the way a person uses it on a copy of examples/
// (what `npm start` opens), in a light and a dark theme: squiggle and Problems entry, the
// grammar's colours and the short kind hover, hover docs and the kind in the status bar, the
// lightbulb's "Convert to StatefulSet", and the comparison panel at a 40% split.
// Screenshots go to artifacts/ui-*.png (`npm run screenshots` copies them to docs/images/).
// Prerequisites: `node scripts/vscode/install.mjs` and `npm run package` (the npm script does both).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/vscode/browser.mjs';
import { installVsix, instanceDirs, startCodeServer } from '../../scripts/vscode/codeServer.mjs';
import { artifactsDir, codeServerEntry, root } from '../../scripts/vscode/paths.mjs';
import { within } from '../../scripts/vscode/wait.mjs';
import { goTo, openFile, openWorkbench, runCommand, waitFor, waitForEditorText } from './workbench.mjs';

const VSIX = join(root, 'kube-workloads.vsix');
const THEMES = [
  { name: 'light', colorTheme: 'Light 2026', colorScheme: 'light', workbenchClass: 'vs' },
  { name: 'dark', colorTheme: 'Dark 2026', colorScheme: 'dark', workbenchClass: 'vs-dark' },
];
const PER_THEME_TIMEOUT_MS = Number(process.env.KUBE_WORKLOADS_UI_TIMEOUT_MS ?? 240_000);

/** The checks, in the order a person would meet them. Each one ends with a screenshot. */
const CHECKS = [
  {
    name: 'diagnostics',
    async run(page) {
      await openFile(page, 'broken.yaml');
      await waitFor(page.locator('.editor-group-container.active .squiggly-error'), 'an error squiggle in broken.yaml');
      await page.keyboard.press('Control+Shift+M');
      const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'Unknown field "replicass"' });
      await waitFor(entry, 'the Problems entry for the unknown field "replicass"');
      await waitFor(page.locator('.markers-panel .monaco-list-row', { hasText: 'field-of-another-kind' }), 'the Problems entry naming rule field-of-another-kind');
      return async () => {
        // Hide the panel again so the next screenshots show the editor.
        await page.keyboard.press('Control+J');
        await waitFor(page.locator('.markers-panel'), 'the Problems panel to close', { state: 'hidden' });
      };
    },
  },
  {
    name: 'kind-hover',
    async run(page) {
      await openFile(page, 'statefulset.yaml');
      // Kind-specific keys look like the keys around them (not a theme's property-name red), and
      // the keys after them are keys, not the plain-value colour (issue 19).
      const colours = await tokenColours(page, ['serviceName', 'replicas', 'podManagementPolicy', 'selector', 'updateStrategy', 'template', 'db']);
      for (const key of ['serviceName', 'podManagementPolicy', 'updateStrategy', 'selector', 'template']) {
        if (colours[key] !== colours.replicas) throw new Error(`"${key}" is coloured ${colours[key]}, other keys ${colours.replicas}: ${JSON.stringify(colours)}`);
      }
      if (colours.db === colours.replicas) throw new Error(`values and keys share a colour (${colours.db}): the grammar lost the keys`);
      if (Object.values(colours).includes('rgb(229, 0, 0)')) throw new Error(`a token is red (#E50000): ${JSON.stringify(colours)}`);
      // `kind: StatefulSet` is on line 16 of examples/statefulset.yaml.
      await goTo(page, 16, 8);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover', { hasText: 'Compare kinds side by side' });
      await waitFor(hover, 'the kind hover with its link to the comparison panel');
      const text = await hover.first().innerText();
      if (!/Scales:/.test(text) || !/Updates:/.test(text)) throw new Error(`the kind hover lacks its scaling and update lines: ${text}`);
      if (text.length > 700) throw new Error(`the kind hover is ${text.length} characters: ${text}`);
      const scrolls = await hover.first().evaluate((el) => [...el.querySelectorAll('.monaco-scrollable-element')].some((s) => s.scrollHeight > s.clientHeight + 1));
      if (scrolls) throw new Error('the kind hover scrolls');
      return async () => {
        await page.keyboard.press('Escape');
        await waitFor(hover, 'the kind hover to close', { state: 'hidden' });
      };
    },
  },
  {
    name: 'hover',
    async run(page) {
      await openFile(page, 'deployment.yaml');
      await goTo(page, 9, 4);
      // The extension's status bar item names the workload kind under the cursor.
      await waitFor(page.locator('.statusbar-item', { hasText: 'Deployment' }), 'the status bar item naming the Deployment under the cursor');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover', { hasText: 'Number of desired pods' });
      await waitFor(hover, 'the hover with the DeploymentSpec.replicas description');
      return async () => {
        // Close the hover after the screenshot: left open, it can hold the keyboard focus the
        // next check's keys are meant for.
        await page.keyboard.press('Escape');
        await waitFor(hover, 'the hover to close', { state: 'hidden' });
      };
    },
  },
  {
    name: 'lightbulb',
    async run(page) {
      await openFile(page, 'deployment.yaml');
      await goTo(page, 3, 8);
      // The lightbulb is drawn in the glyph margin (or as a content widget when the margin is
      // busy); hidden copies of the widget stay in the DOM, so only a visible one counts.
      const bulb = page.locator('.editor-group-container.active .codicon-gutter-lightbulb, .editor-group-container.active .lightBulbWidget');
      await waitFor(bulb.filter({ visible: true }), 'the lightbulb on the kind line');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Convert to StatefulSet' });
      // A key pressed while the workbench is still moving focus is lost; a person presses again.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await waitFor(item, 'the lightbulb menu to offer "Convert to StatefulSet"', { ms: 10_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
      return async () => {
        await item.first().click();
        await waitForEditorText(page, 'the editor to show "kind: StatefulSet" after the conversion', (t) => t.includes('kind: StatefulSet'));
        // Deployment's strategy became the StatefulSet's updateStrategy (near the top of the file).
        await waitForEditorText(page, 'the converted text to carry updateStrategy', (t) => t.includes('updateStrategy:') && !/\n {2}strategy:/.test(t));
      };
    },
  },
  {
    name: 'comparison',
    async run(page) {
      // The previous check left the converted StatefulSet open with the cursor on its kind.
      await runCommand(page, 'Kubernetes Workloads: Show Kind Comparison');
      const panel = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await waitFor(panel.locator('[data-testid="comparison-table"]'), 'the comparison table in the webview');
      await splitAt(page, 0.4);
      // At this width each aspect lists the kinds one per line, the current kind first and highlighted.
      await waitFor(panel.locator('[data-testid="fact-purpose"] td.highlighted[data-kind="StatefulSet"]'), 'the StatefulSet line to be highlighted');
      const highlighted = await panel.locator('[data-testid="fact-purpose"] td.highlighted').count();
      if (highlighted !== 1) throw new Error(`expected exactly one highlighted kind per aspect, found ${highlighted}`);
      await waitFor(panel.locator('[data-testid="drops-Deployment"]'), 'the Convert to Deployment button to say what it drops');
      const layout = await panel.locator('body').evaluate((body) => {
        const view = body.ownerDocument.defaultView;
        const inView = (el) => el && el.getBoundingClientRect().bottom <= view.innerHeight && el.getBoundingClientRect().right <= view.innerWidth;
        const cells = [...body.querySelectorAll('td, th')];
        return {
          width: view.innerWidth,
          sideways: body.ownerDocument.documentElement.scrollWidth > view.innerWidth + 1,
          overflowing: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.slice(0, 40)),
          breaks: cells.map((c) => getComputedStyle(c)).filter((st) => st.wordBreak === 'break-all' || st.overflowWrap !== 'normal' || st.hyphens === 'auto').length,
          manifestVisible: inView(body.querySelector('[data-testid="manifest-values"]')),
          buttonsVisible: ['Deployment', 'DaemonSet', 'ReplicaSet'].every((k) => inView(body.querySelector(`[data-testid="convert-${k}"]`))),
          drops: body.querySelector('[data-testid="drops-Deployment"]')?.textContent,
          firstColumn: body.querySelector('[data-testid="fact-purpose"] td')?.dataset.kind,
        };
      });
      const problems = [
        layout.sideways && 'the panel scrolls sideways',
        layout.overflowing.length && `cells overflow: ${layout.overflowing.join(' | ')}`,
        layout.breaks && `${layout.breaks} cells may break words`,
        !layout.manifestVisible && 'the manifest\'s values are below the fold',
        !layout.buttonsVisible && 'the Convert buttons are below the fold',
        !/serviceName/.test(layout.drops ?? '') && `Convert to Deployment does not say it drops serviceName: ${layout.drops}`,
        layout.firstColumn !== 'StatefulSet' && `the first kind column is ${layout.firstColumn}`,
      ].filter(Boolean);
      if (problems.length) throw new Error(`the panel at a 40% split (${layout.width} px): ${problems.join('; ')}`);
    },
  },
];

/** The colour each word is painted in, in the active editor (the first token spelling it). */
async function tokenColours(page, words) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
  await waitFor(lines.locator('span span', { hasText: words[0] }).first(), `the token "${words[0]}"`);
  return lines.evaluate((el, wanted) => {
    const found = {};
    for (const span of el.querySelectorAll('span span')) {
      const word = span.textContent.trim();
      if (wanted.includes(word) && !(word in found)) found[word] = getComputedStyle(span).color;
    }
    return found;
  }, words);
}

/** Drags the sash between the two editor groups so that the right one takes `share` of the editor area. */
async function splitAt(page, share) {
  const area = await page.locator('.part.editor').boundingBox();
  const groups = await page.locator('.part.editor .editor-group-container').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  const sashes = await page.locator('.part.editor .monaco-sash.vertical').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
  );
  const right = Math.max(...groups);
  const sash = sashes.find((s) => Math.abs(s.x - right) < 10);
  if (!area || groups.length < 2 || !sash) throw new Error(`no sash between the editor and the panel (groups at ${groups}, sashes at ${sashes.map((s) => s.x)})`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * (1 - share), sash.y, { steps: 8 });
  await page.mouse.up();
  const width = await page.locator('iframe.webview').first().evaluate((f) => f.getBoundingClientRect().width);
  if (Math.abs(width / area.width - share) > 0.05) throw new Error(`the panel takes ${Math.round((100 * width) / area.width)}% of the editor area, not ${100 * share}%`);
}

async function runTheme(theme, vsix) {
  const temp = mkdtempSync(join(tmpdir(), `kube-workloads-ui-${theme.name}-`));
  // What `npm start` opens, so the screenshots show the README's examples.
  const workspace = join(temp, 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const dirs = instanceDirs(temp);
  installVsix(vsix, dirs);
  let server;
  let browser;
  let current = 'start-up';
  try {
    server = await startCodeServer({ dirs, settings: { 'workbench.colorTheme': theme.colorTheme, 'editor.hover.delay': 300 } });
    browser = await launchBrowser(temp, { colorScheme: theme.colorScheme, viewport: { width: 1440, height: 860 } });
    const { page } = browser;
    const steps = async () => {
      await openWorkbench(page, server.url, workspace);
      // The workbench paints with the default theme first and applies the configured one after.
      await waitFor(page.locator(`.monaco-workbench.${theme.workbenchClass}`), `the workbench to apply the ${theme.colorTheme} theme`);
      for (const check of CHECKS) {
        current = check.name;
        const started = Date.now();
        const after = await check.run(page);
        await page.screenshot({ path: join(artifactsDir, `ui-${check.name}-${theme.name}.png`) });
        if (after) await after();
        console.log(`  ✔ ${check.name} (${theme.name}) ${Date.now() - started} ms`);
      }
    };
    await within(PER_THEME_TIMEOUT_MS, `all UI checks in the ${theme.name} theme`, steps());
  } catch (error) {
    const shot = join(artifactsDir, `ui-failure-${current}-${theme.name}.png`);
    await browser?.page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${current} (${theme.name}): ${error instanceof Error ? error.message : error}; screenshot: ${shot}`);
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server?.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(codeServerEntry)) throw new Error('code-server is not installed: run `node scripts/vscode/install.mjs`');
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\``);
  mkdirSync(artifactsDir, { recursive: true });
  const started = Date.now();
  for (const theme of THEMES) {
    console.log(`UI checks, ${theme.name} theme (${theme.colorTheme})`);
    await runTheme(theme, VSIX);
  }
  console.log(`UI checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifactsDir}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`test:ui: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
