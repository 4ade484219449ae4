/** What one timed run inside the page reports back to the benchmark. */
export interface TimedRun {
  ms: number;
  /** 'article' when the side found a body, else what it returned instead; lets the report show both sides did real work. */
  outcome: string;
  bodyChars: number;
}

declare global {
  // eslint-disable-next-line no-var
  var __bsBench: Record<string, () => TimedRun>;
}

/** Registers a side under `name`; each call times `work` on a fresh clone of the live document, clone included. */
export function registerSide(name: string, work: (clone: Document) => { outcome: string; bodyChars: number }): void {
  globalThis.__bsBench ??= {};
  globalThis.__bsBench[name] = () => {
    // Collect the previous run's garbage first (Chromium runs with --expose-gc), so no side pays for another's
    // allocations; the content script also starts with no garbage of its own when it runs once in a page.
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const result = work(document.cloneNode(true) as Document);
    return { ms: performance.now() - started, ...result };
  };
}
