/**
 * Node flags the language server runs with, shared by the VS Code client (which starts it) and
 * the tests and benchmark (which start it as other editors do, over stdio).
 *
 * `--max-semi-space-size=8` (MB): V8's young generation otherwise grows to 3 × 16 MB on a 64-bit
 * machine, and while a large bundle is parsed for the first time it fills with short-lived parse
 * garbage. Measured on opening bundles (issue #8), per semi-space size:
 *
 *   |          | 1,000 documents: open → diagnostics | 5,000 documents: peak RSS |
 *   | 4 MB     | 3.4–4.0 s (frequent scavenges)      | 192 MB                    |
 *   | 8 MB     | 2.4–3.2 s                           | 204 MB; 187–190 MB with the 60% tree limit |
 *   | 16 MB    | 2.4–2.7 s (V8's default)            | 230 MB                    |
 *
 * V8 reads it when the heap is set up, so it has to be a flag on the command line, not
 * `v8.setFlagsFromString` at run time.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
