/**
 * A memory budget for parsed yaml trees.
 *
 * A yaml tree takes about twenty times the memory of its text: a 5,000-document, 11 MB install
 * bundle is about 200 MB of trees (issue #8 asks for ≤ 200 MB for the whole server). Trees are
 * only needed while a document is analysed and while the user completes or fixes in it: what
 * the analysis derives is kept apart as plain data (`ParsedDocument.lasting`), and what a hover
 * needs as an outline (outline.ts). So the trees of the documents used least recently are
 * dropped once their texts add up to more than the budget, and a dropped tree is parsed again
 * (1–4 ms per document) when something asks for it.
 */

/** Something holding a tree that can be dropped and rebuilt. */
export interface TreeHolder {
  /** Length of the text the tree was parsed from (it never changes): what the budget counts. */
  readonly size: number;
  /** Drops the tree and everything derived from it that refers to its nodes. */
  evict(): void;
}

/**
 * Segment text (UTF-16 code units) whose trees are kept: about 55 MB of trees. A bundle of up to
 * about 1,000 typical documents (2.2 MB) keeps all of them; larger ones keep the documents used last.
 */
export const DEFAULT_TREE_BUDGET = 2560 * 1024;

/**
 * What is kept once the trees do not all fit: then most documents are used without their trees
 * anyway. Hovers read the outline a dropped workload keeps (outline.ts), so the trees still held
 * serve only fixes, completions and the document being edited, and keeping 60% of the budget
 * saves about 15 MB at the peak of a 5,000-document bundle (issue #8: peak RSS ≤ 200 MB).
 */
export const OVERFLOW_SHARE = 0.6;

export class TreeCache {
  /** Holders with a tree, least recently used first (a Set keeps insertion order). */
  private readonly held = new Set<TreeHolder>();
  private total = 0;
  private last: TreeHolder | undefined;
  /** Every holder not released, with or without its tree, and the total of their sizes. */
  private readonly registered = new Set<TreeHolder>();
  private demand = 0;

  /** `budget`: text whose trees are all kept when everything fits; past it, OVERFLOW_SHARE of it. */
  constructor(readonly budget: number = DEFAULT_TREE_BUDGET) {}

  /** The text size of trees held now at most. */
  get limit(): number {
    return this.demand <= this.budget ? this.budget : Math.floor(this.budget * OVERFLOW_SHARE);
  }

  /** Text size of the trees held now. */
  get heldSize(): number {
    return this.total;
  }

  /** Registers a tree just built; older trees are dropped if the limit is exceeded. */
  hold(holder: TreeHolder): void {
    this.forgetTree(holder);
    if (!this.registered.has(holder)) {
      this.registered.add(holder);
      this.demand += holder.size;
    }
    this.held.add(holder);
    this.total += holder.size;
    this.last = holder;
    this.trim();
  }

  /** Marks a tree as just used. Called on every access, so the common case returns at once. */
  touch(holder: TreeHolder): void {
    if (holder === this.last || !this.held.delete(holder)) return;
    this.held.add(holder);
    this.last = holder;
  }

  /** Forgets a holder whose document left the file; its tree goes with it. */
  release(holder: TreeHolder): void {
    if (this.registered.delete(holder)) this.demand -= holder.size;
    this.forgetTree(holder);
  }

  private forgetTree(holder: TreeHolder): void {
    if (!this.held.delete(holder)) return;
    this.total -= holder.size;
    if (this.last === holder) this.last = undefined;
  }

  /** Drops the least recently used trees until the limit holds; never the one used last. */
  private trim(): void {
    const limit = this.limit;
    for (const holder of this.held) {
      if (this.total <= limit || holder === this.last) return;
      this.held.delete(holder);
      this.total -= holder.size;
      holder.evict();
    }
  }
}
