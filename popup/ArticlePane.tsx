import { useEffect } from 'preact/hooks';
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

export function ArticlePane({ reading, preferences, saveState, onSaveLink, onRetry }: ArticlePaneProps) {
  useEffect(() => {
    // For the popup benchmark (issue 6): the moment the clean article is in the DOM.
    if (reading?.kind === 'article') performance.mark('broadsheet:article-painted');
  }, [reading]);

  if (!reading) return <ArticleSkeleton />;
  switch (reading.kind) {
    case 'article': {
      // The popup passes a reading only once the article chunk has loaded (see lazy-views.ts).
      const ArticleView = loadedArticleView();
      return ArticleView ? <ArticleView article={reading.article} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} /> : <ArticleSkeleton />;
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
