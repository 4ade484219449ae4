// Our side: what the shipped extension runs in the page — the content script's run() (src/content/extract-page.ts:
// its page guards, the clone with named elements defused, then the pipeline without sanitising). Sanitising is
// the popup's job (src/ui/safe-html.ts, right before rendering); it is timed here too, after the content script's
// run and outside its time, with the popup's own function, and reported on its own.
import { run } from '../../../src/content/extract-page';
import { renderableArticleHtml } from '../../../src/ui/safe-html';
import { registerSide } from './timing';

/** 'ours', or the name of an ablation built from this same file with a patched pipeline (see ../ablations.mjs). */
declare const __BENCH_SIDE__: string;

registerSide(
  __BENCH_SIDE__,
  () => {
    const outcome = run();
    if (outcome.kind !== 'article') return { outcome: outcome.kind, bodyChars: 0 };
    return {
      outcome: 'article',
      bodyChars: outcome.contentHtml.length,
      afterwards: () => renderableArticleHtml(outcome.contentHtml, document),
    };
  },
  { clonesItself: true },
);
