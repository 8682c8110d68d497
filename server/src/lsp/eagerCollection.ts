/**
 * Eager garbage collection while a large file is parsed for the first time.
 *
 * Parsing allocates several times what it keeps: yaml's tokens, and past the tree budget the
 * trees that are dropped again. With V8's default heap growth that garbage piles up to several
 * times the live heap before it is collected: when this was added, a peak of about 330 MB for an
 * 11 MB bundle of 5,000 documents whose live heap was under 100 MB; growing the heap by 20% at a
 * time during that one parse brought it to about 250 MB. Everywhere else (small files, edits,
 * hovers) the default growth stays: there, frequent full collections would cost latency and
 * save nothing.
 *
 * The flag is a heuristic V8 reads each time it resizes the heap, so it can change at run time;
 * 0 restores V8's own choice.
 */

/**
 * How the flag is set: `v8.setFlagsFromString`, given by the Node entry (main.ts). Elsewhere (the
 * web worker) there is no such control, and the sections do nothing.
 */
let setV8Flags: (flags: string) => void = () => undefined;

export function controlHeapGrowthWith(setFlags: (flags: string) => void): void {
  setV8Flags = setFlags;
}

export function withEagerCollection<T>(run: () => T): T {
  begin();
  try {
    return run();
  } finally {
    end();
  }
}

/**
 * The same around an analysis that yields to the event loop between slices (serverHost.ts). The
 * flag has to stay set across the yields: V8 finishes much of its marking in tasks that run
 * there, and a collection finished under its default growth let a 5,000-document bundle's heap
 * grow to a peak of 260–320 MB instead of 190.
 */
export async function withEagerCollectionAsync<T>(run: () => Promise<T>): Promise<T> {
  begin();
  try {
    return await run();
  } finally {
    end();
  }
}

/** How many eager sections are open (they nest, and overlap when two large files open at once). */
let depth = 0;

function begin(): void {
  if (depth++ === 0) setV8Flags('--heap-growing-percent=20');
}

function end(): void {
  if (--depth === 0) setV8Flags('--heap-growing-percent=0');
}
