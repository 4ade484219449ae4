import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Preferences } from '../src/storage/preferences';
import { StatusMessage, TooLargeMessage } from '../src/ui/StatusMessage';
import { t } from '../src/ui/i18n';
import { restrictionText } from '../src/ui/restriction-text';
import type { PopupReading } from './active-tab';
import { loadedArticleView } from './lazy-views';
import type { SaveState } from '../src/ui/use-save';

/** Grey blocks in the shape of an article, so the popup never flashes empty while the page is read. */
export function ArticleSkeleton() {
  return (
    <div class="skeleton" role="status" aria-busy="true">
      <span class="bs-visually-hidden">{t('loadingArticle')}</span>
      <div class="skeleton__line skeleton__line--site" />
      <div class="skeleton__line skeleton__line--headline" />
      <div class="skeleton__line skeleton__line--headline skeleton__line--short" />
      <div class="skeleton__line skeleton__line--meta" />
      {[0, 1, 2, 3, 4, 5].map((line) => (
        <div key={line} class={`skeleton__line skeleton__line--text${line % 3 === 2 ? ' skeleton__line--short' : ''}`} />
      ))}
    </div>
  );
}

export interface ArticlePaneProps {
  reading: PopupReading | null;
  preferences: Preferences;
  saveState: SaveState;
  onSaveLink(): void;
  onRetry(): void;
}

/** Article HTML longer than this is shown in two steps: the first screen, then the rest once that has painted. */
export const FIRST_SCREEN_CHARS = 6_000;
const BLOCK_END = /<\/(?:p|h[1-6]|ul|ol|blockquote|figure|pre|table)>/gi;

/**
 * The start of `html` that fills the popup's first screen (several times over), cut after a block's closing tag;
 * null when the article is short enough to render whole. The cut is sanitised like the whole (the HTML parser
 * closes what the cut left open), and replaced by the whole article right after it has painted.
 */
export function firstScreenHtml(html: string, chars = FIRST_SCREEN_CHARS): string | null {
  if (html.length <= chars * 1.5) return null;
  BLOCK_END.lastIndex = chars;
  const end = BLOCK_END.exec(html);
  if (!end || end.index + end[0].length > html.length - chars / 2) return null;
  return html.slice(0, end.index + end[0].length);
}

/**
 * For bench:popup (issue 6): sets the performance mark `name` once the frame showing what was just rendered has been
 * painted: requestAnimationFrame runs right before that frame's paint, a task queued from it right after. An effect
 * alone is not enough: Preact runs effects after 100 ms even when no frame comes, as before the popup is shown.
 */
export function markWhenPainted(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => setTimeout(() => performance.mark(name)));
}

export function ArticlePane({ reading, preferences, saveState, onSaveLink, onRetry }: ArticlePaneProps) {
  const article = reading?.kind === 'article' ? reading.article : null;
  const head = useMemo(() => (article ? firstScreenHtml(article.contentHtml) : null), [article]);
  // The article shown whole: at once when it is short, else once its first screen has painted (issue 6: the
  // sanitising and layout of a long body no longer delay its first lines).
  const [wholeFor, setWholeFor] = useState<unknown>(null);
  const whole = !head || wholeFor === article;

  useLayoutEffect(() => {
    if (!article) return;
    // The clean article's first screen painted, and the whole article painted (the same frame for a short one).
    if (!whole || !head) markWhenPainted('broadsheet:article-painted');
    if (whole) markWhenPainted('broadsheet:article-complete');
  }, [article, whole]);

  useEffect(() => {
    // Preact runs effects once the frame is painted: the first screen is on screen, now the rest.
    if (article && !whole) setWholeFor(article);
  }, [article, whole]);

  if (!reading) return <ArticleSkeleton />;
  switch (reading.kind) {
    case 'article': {
      // The popup passes a reading only once the article chunk has loaded (see lazy-views.ts).
      const ArticleView = loadedArticleView();
      if (!ArticleView) return <ArticleSkeleton />;
      if (whole) return <ArticleView article={reading.article} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} />;
      // A lead image that the body repeats further down is left out of the whole view: leave it out of the first
      // screen as well, or it would show and then jump away.
      const leadSrc = reading.article.leadImage?.src;
      const html = reading.article.contentHtml;
      const leadInBody = !!leadSrc && (html.includes(leadSrc) || html.includes(leadSrc.replace(/&/g, '&amp;')));
      return (
        <ArticleView
          article={{ ...reading.article, contentHtml: head! }}
          showLeadImage={preferences.showLeadImage && !leadInBody}
          showImages={preferences.showImages}
        />
      );
    }
    case 'not-an-article':
      return (
        <StatusMessage title={t('notAnArticleTitle')}>
          <p>{t('notAnArticleHint')}</p>
          <p class="status-page-title">{reading.page.title}</p>
          <button
            type="button"
            class="bs-button bs-button--primary"
            aria-pressed={saveState.phase === 'saved'}
            disabled={saveState.phase === 'saving' || saveState.phase === 'checking'}
            onClick={onSaveLink}
          >
            {saveState.phase === 'saved' ? t('linkSaved') : t('saveLinkAnyway')}
          </button>
          {saveState.phase === 'failed' && <p class="save-error" role="alert">{t('saveFailed', saveState.message)}</p>}
        </StatusMessage>
      );
    case 'restricted':
      return (
        <StatusMessage title={t('restrictedTitle')}>
          <p data-restriction={reading.restriction}>{restrictionText(reading.restriction)}</p>
        </StatusMessage>
      );
    case 'too-large':
      return <TooLargeMessage reason={reading.reason} />;
    case 'no-tab':
      return (
        <StatusMessage title={t('restrictedTitle')}>
          <p>{t('noTab')}</p>
        </StatusMessage>
      );
    case 'error':
      return (
        <StatusMessage title={t('extractErrorTitle')} tone="error">
          <p class="error-detail">{reading.message}</p>
          <button type="button" class="bs-button" onClick={onRetry}>
            {t('tryAgain')}
          </button>
        </StatusMessage>
      );
  }
}
