/**
 * Timestamps of the extension's own share of activation, on the extension host's
 * performance.now() clock, so the extension-host suite can tell VS Code's activation machinery
 * apart from our code (issue 8 holds activation to 100 ms).
 *
 * extension.ts imports this module before anything else: esbuild evaluates a bundle's modules in
 * import order, so `moduleStart` is taken before any other module of the entry bundle evaluates.
 */
export const moduleStart = performance.now();

/** Where our part of activation went; every field is a performance.now() reading. */
export interface ActivationTimes {
  /** The entry bundle (dist/extension.js) began evaluating. */
  readonly moduleStart: number;
  /** The entry bundle finished evaluating (its last top-level statement ran). */
  readonly moduleEnd: number;
  /** activate() was entered. */
  readonly activateStart: number;
  /** activate() returned. */
  readonly activateEnd: number;
}

/** When the language client's parts were ready, on the same clock (after activate() returned). */
export interface ClientTimes {
  /** The language client bundle (dist/lspClientModule.js) was loaded. */
  readonly clientLoaded: number;
  /** The server process answered initialize and the client is running. */
  readonly serverReady: number;
}
