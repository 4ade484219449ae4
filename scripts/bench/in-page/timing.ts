/** What one timed run inside the page reports back to the benchmark. */
export interface TimedRun {
  ms: number;
  /** 'article' when the side found a body, else what it returned instead; lets the report show both sides did real work. */
  outcome: string;
  bodyChars: number;
  /** Time of the side's `afterwards` work (our side: sanitising, which the product does in the popup), not in `ms`. */
  afterMs: number | null;
}

declare global {
  // eslint-disable-next-line no-var
  var __bsBench: Record<string, () => TimedRun>;
}

interface SideResult {
  outcome: string;
  bodyChars: number;
  /** Work the product does elsewhere (not in the page), timed separately after the side's own time. */
  afterwards?: () => unknown;
}

/**
 * Registers a side under `name`; each call times `work` on a fresh clone of the live document, clone included.
 * With `clonesItself`, `work` gets the live document and makes its own clone (as the content script does), still timed.
 */
export function registerSide(name: string, work: (doc: Document) => SideResult, options: { clonesItself?: boolean } = {}): void {
  globalThis.__bsBench ??= {};
  globalThis.__bsBench[name] = () => {
    // Collect the previous run's garbage first (Chromium runs with --expose-gc), so no side pays for another's
    // allocations; the content script also starts with no garbage of its own when it runs once in a page.
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const { afterwards, ...result } = work(options.clonesItself ? document : (document.cloneNode(true) as Document));
    const ms = performance.now() - started;
    let afterMs: number | null = null;
    if (afterwards) {
      const after = performance.now();
      afterwards();
      afterMs = performance.now() - after;
    }
    return { ms, afterMs, ...result };
  };
}
