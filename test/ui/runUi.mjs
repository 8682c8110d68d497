#!/usr/bin/env node
// `npm run test:ui`: the packaged extension (kube-workloads.vsix), installed into a fresh
// code-server with --install-extension, checked the way a person uses it, in a light and a dark
// theme: squiggle and Problems entry, hover docs and the kind in the status bar, the lightbulb's
// "Convert to StatefulSet", and the comparison panel with the current kind highlighted.
// Screenshots go to artifacts/ui-*.png.
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
      await waitFor(page.locator('.markers-panel .monaco-list-row', { hasText: 'removed-api-version' }), 'the Problems entry naming rule removed-api-version');
      return async () => {
        // Hide the panel again so the next screenshots show the editor.
        await page.keyboard.press('Control+J');
        await waitFor(page.locator('.markers-panel'), 'the Problems panel to close', { state: 'hidden' });
      };
    },
  },
  {
    name: 'hover',
    async run(page) {
      await openFile(page, 'deployment.yaml');
      await goTo(page, 8, 4);
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
        await waitForEditorText(page, 'the converted text to carry serviceName', (t) => t.includes('serviceName: web'));
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
      await waitFor(panel.locator('[data-testid="kind-column-StatefulSet"].highlighted'), 'the StatefulSet column to be highlighted');
      const others = await panel.locator('th.highlighted').count();
      if (others !== 1) throw new Error(`expected exactly one highlighted kind column, found ${others}`);
    },
  },
];

async function runTheme(theme, vsix) {
  const temp = mkdtempSync(join(tmpdir(), `kube-workloads-ui-${theme.name}-`));
  const workspace = join(temp, 'workspace');
  cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });
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
