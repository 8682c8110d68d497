/**
 * Node flags the language server runs with, shared by the VS Code client (which starts it) and
 * the tests and benchmark (which start it as other editors do, over stdio).
 *
 * `--max-semi-space-size=4` (MB): V8's young generation otherwise grows to 3 × 16 MB on a 64-bit
 * machine, and while a large bundle is parsed for the first time most of that space is full of
 * short-lived parse garbage. A smaller young generation is scavenged more often, but each
 * scavenge is short and the peak resident memory at 5,000 documents drops by about 25 MB
 * (issue #8: peak RSS ≤ 200 MB). V8 reads it when the heap is set up, so it has to be a flag
 * on the command line, not `v8.setFlagsFromString` at run time.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
