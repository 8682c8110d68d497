// Small, named steps for driving VS Code's web workbench with Playwright. Every wait is on a DOM
// condition and fails with a message that says which condition never came.

/** Waits for a locator to reach `state`, naming `what` if it does not within `ms`. */
export async function waitFor(locator, what, { state = 'visible', ms = 30_000 } = {}) {
  try {
    await locator.first().waitFor({ state, timeout: ms });
  } catch (error) {
    throw new Error(`timed out after ${ms} ms waiting for ${what} (${String(error?.message ?? error).split('\n')[0]})`);
  }
  return locator.first();
}

/** Waits until the visible editor lines satisfy `accept`. */
export async function waitForEditorText(page, what, accept, ms = 30_000) {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  const started = Date.now();
  let text = '';
  while (Date.now() - started < ms) {
    text = (await lines.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (accept(text)) return text;
    // Re-read when the editor's DOM changes instead of on a timer.
    await lines
      .evaluate((el) => new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(el, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(); }, 1_000);
      }))
      .catch(() => undefined);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}; the editor shows: ${JSON.stringify(text.slice(0, 300))}`);
}

/** Loads the workbench on a folder and waits until it can take commands. */
export async function openWorkbench(page, url, folder) {
  // Generous: on a loaded 2-core machine the first load of the workbench took over 30 s.
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { timeout: 120_000 });
  await waitFor(page.locator('.monaco-workbench'), 'the workbench (.monaco-workbench)', { ms: 60_000 });
  await waitFor(page.locator('.explorer-folders-view .monaco-list-row'), 'the explorer to list the workspace', { ms: 60_000 });
}

/** Opens the quick input with `keys`, types `text` and accepts the first match. */
async function quickInput(page, keys, text, what) {
  await page.keyboard.press(keys);
  const input = await waitFor(page.locator('.quick-input-widget .quick-input-box input'), `the quick input for ${what}`);
  await input.fill(text);
  return input;
}

/** Runs a command from the command palette by its title. */
export async function runCommand(page, title) {
  const input = await quickInput(page, 'F1', `>${title}`, `command "${title}"`);
  await waitFor(page.locator('.quick-input-list .monaco-list-row', { hasText: title }), `"${title}" in the command palette`);
  await input.press('Enter');
  await waitFor(page.locator('.quick-input-widget'), 'the command palette to close', { state: 'hidden' });
}

/** Opens a workspace file through Quick Open and waits for its editor tab. */
export async function openFile(page, name) {
  const input = await quickInput(page, 'Control+P', name, `opening ${name}`);
  await waitFor(page.locator('.quick-input-list .monaco-list-row', { hasText: name }), `${name} in Quick Open`);
  await input.press('Enter');
  await waitFor(page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`), `the editor tab of ${name}`);
  await waitFor(page.locator('.editor-group-container.active .monaco-editor .view-lines'), `the text of ${name}`);
}

/** Moves the cursor with Go to Line (1-based line and column). */
export async function goTo(page, line, column) {
  // Go to Line is Quick Open with a ':' prefix; filling the box replaces the prefix, so keep it.
  const input = await quickInput(page, 'Control+G', `:${line}:${column}`, `going to ${line}:${column}`);
  await input.press('Enter');
  await waitFor(page.locator('.quick-input-widget'), 'Go to Line to close', { state: 'hidden' });
  const status = page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` });
  await waitFor(status, `the status bar to show "Ln ${line}, Col ${column}"`);
}

