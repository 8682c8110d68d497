/**
 * The comparison panel's host page. It holds no document data at all: the script (from dist/,
 * allowed by a per-load nonce) builds everything from the messages it receives. The CSP allows
 * nothing else: no inline script, styles and images only from the extension's own files.
 */
export interface PanelHtmlOptions {
  /** webview.cspSource */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The localised panel title, shown until the script has rendered. */
  readonly title: string;
  readonly lang: string;
}

/** 128 bits from a cryptographic source, base64 (a valid CSP nonce). */
export function createNonce(): string {
  // Web Crypto: in the Node extension host and in the browser's (web extension) alike.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function panelHtml(o: PanelHtmlOptions): string {
  const csp = contentSecurityPolicy(o.cspSource, o.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="root" data-testid="comparison-root"></main>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
