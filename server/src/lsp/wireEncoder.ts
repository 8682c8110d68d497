/**
 * The JSON encoder of the server's stdio writer (`--stdio`, what VS Code and other editors use).
 *
 * Diagnostics are the one large message: every edit of a 5,000-document bundle publishes all of
 * the file's diagnostics again, about half a megabyte, and encoding it was the largest single
 * cost of an edit (issue #8: edit → diagnostics ≤ 30 ms). Most of those diagnostics are the very
 * same objects as in the previous publish (the analysis reuses the diagnostics of unchanged
 * documents), so each diagnostic's UTF-8 JSON is kept with the object, in a WeakMap, and a
 * publish (or a pull report) is assembled from those pieces. Every other message is encoded as
 * vscode-jsonrpc encodes it. The output is the same JSON as JSON.stringify's.
 *
 * A cached piece is only right while its object does not change: the analysis never changes a
 * diagnostic after creating it, and `withoutFixData` gives the same wire object for the same one.
 */
import type { Message, NotificationMessage, ResponseMessage } from 'vscode-languageserver/node';

const pieces = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

export const WIRE_ENCODER = Object.freeze({
  name: 'application/json',
  encode(message: Message): Promise<Uint8Array> {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error);
    }
  },
});

export function encodeMessage(message: Message): Buffer {
  const notification = message as NotificationMessage;
  if (notification.method === 'textDocument/publishDiagnostics' && hasOnly(notification.params, ['uri', 'version', 'diagnostics'])) {
    const { uri, version, diagnostics } = notification.params as { uri: string; version?: number; diagnostics: unknown };
    if (Array.isArray(diagnostics) && diagnostics.every(isObject)) {
      const params = `{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"diagnostics":`;
      return withList(`{"jsonrpc":${JSON.stringify(notification.jsonrpc)},"method":"textDocument/publishDiagnostics","params":${params}`, diagnostics, '}}');
    }
  }
  const response = message as ResponseMessage;
  if ('id' in response && hasOnly(response, ['jsonrpc', 'id', 'result']) && hasOnly(response.result, ['kind', 'items', 'resultId'])) {
    const { kind, items, resultId } = response.result as { kind: unknown; items: unknown; resultId?: unknown };
    if (kind === 'full' && Array.isArray(items) && items.every(isObject)) {
      const result = `{"kind":"full",${resultId === undefined ? '' : `"resultId":${JSON.stringify(resultId)},`}"items":`;
      return withList(`{"jsonrpc":${JSON.stringify(response.jsonrpc)},"id":${JSON.stringify(response.id)},"result":${result}`, items, '}}');
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

/** `head`, then the JSON array of `items` from their cached pieces, then `tail`. */
function withList(head: string, items: readonly object[], tail: string): Buffer {
  const parts: Buffer[] = [Buffer.from(`${head}[`, 'utf8')];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(piece(item));
  });
  parts.push(Buffer.from(`]${tail}`, 'utf8'));
  return Buffer.concat(parts);
}

function piece(item: object): Buffer {
  let bytes = pieces.get(item);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(item), 'utf8');
    pieces.set(item, bytes);
  }
  return bytes;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object whose own keys are all in `keys` (so nothing would be left out of its JSON). */
function hasOnly(value: unknown, keys: readonly string[]): boolean {
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (!keys.includes(key)) return false;
  return true;
}
