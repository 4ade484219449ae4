// Our side: the whole pipeline (metadata, headline, byline, dateline, body, clean-up, sanitise) as the extension runs it.
import { extractArticle } from '../../../src/extract/index';
import { registerSide } from './timing';

/** 'ours', or the name of an ablation built from this same file with a patched pipeline (see ../ablations.mjs). */
declare const __BENCH_SIDE__: string;

registerSide(__BENCH_SIDE__, (clone) => {
  const outcome = extractArticle(clone, location.href);
  return outcome.kind === 'article' ? { outcome: 'article', bodyChars: outcome.contentHtml.length } : { outcome: outcome.kind, bodyChars: 0 };
});
