/**
 * Entry of the comparison panel's script (bundled to dist/webview.js). It renders what the host
 * sends, keeps the last view as webview state so a reloaded panel shows it at once, and reports
 * the user's clicks back. Messages that fail validation are ignored.
 */
import { isHostMessage, isPanelView, type Kind, type PanelView, type WebviewMessage } from './messages';
import { renderPanel } from './render';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') ?? document.body;

const handlers = {
  selectWorkload: (index: number) => vscode.postMessage({ type: 'selectWorkload', index }),
  convert: (index: number, targetKind: Kind) => vscode.postMessage({ type: 'convert', index, targetKind }),
};

function show(view: PanelView): void {
  // Keep keyboard focus on the same control across a re-render (e.g. after the cursor moved).
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.testid : undefined;
  renderPanel(document, root, view, handlers);
  if (focused) root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  vscode.setState({ view: event.data.view });
  show(event.data.view);
});

const saved = vscode.getState() as { view?: unknown } | undefined;
if (saved && isPanelView(saved.view)) show(saved.view);
vscode.postMessage({ type: 'ready' });
