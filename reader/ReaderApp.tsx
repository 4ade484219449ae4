import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { readTab, type TabReading } from '../src/content/read-tab';
import type { Preferences } from '../src/storage/preferences';
import type { SavedArticle } from '../src/storage/types';
import { ArticleView, type ArticleViewSource } from '../src/ui/ArticleView';
import { StatusMessage } from '../src/ui/StatusMessage';
import { webUrl } from '../src/ui/web-url';
import { t } from '../src/ui/i18n';
import { library, messageOf } from '../src/ui/library-access';
import { restrictionText } from '../src/ui/restriction-text';
import { usePreferences } from '../src/ui/use-preferences';
import { useSave } from '../src/ui/use-save';
import { ReadAloudControls } from '../src/ui/read-aloud/ReadAloudControls';

/** What the reader tab was asked to show: `?id=` a saved article (from storage only), `?tab=` a tab read live. */
export type ReaderSource = { kind: 'saved'; id: string } | { kind: 'tab'; tabId: number } | { kind: 'none' };

export function readerSource(search: string): ReaderSource {
  const params = new URLSearchParams(search);
  const id = params.get('id');
  if (id) return { kind: 'saved', id };
  const tab = Number(params.get('tab'));
  if (params.get('tab') && Number.isInteger(tab) && tab >= 0) return { kind: 'tab', tabId: tab };
  return { kind: 'none' };
}

type Shown =
  | { phase: 'loading' }
  | { phase: 'saved'; article: SavedArticle }
  | { phase: 'live'; reading: TabReading }
  | { phase: 'missing' }
  | { phase: 'failed'; message: string };

export function ReaderApp({ api, source, initialPreferences }: { api: Browser; source: ReaderSource; initialPreferences: Preferences }) {
  const preferences = usePreferences(initialPreferences);
  const [shown, setShown] = useState<Shown>(source.kind === 'none' ? { phase: 'missing' } : { phase: 'loading' });

  useEffect(() => {
    let live = true;
    if (source.kind === 'saved') {
      const load = async () => {
        const lib = await library();
        const article = await lib.getArticle(source.id);
        if (!live) return;
        setShown(article ? { phase: 'saved', article } : { phase: 'missing' });
        if (article && preferences.markReadOnOpen && article.readAt === null) await lib.setRead([article.id], true);
      };
      load().catch((error: unknown) => live && setShown({ phase: 'failed', message: messageOf(error) }));
    } else if (source.kind === 'tab') {
      const load = async () => {
        // The popup's activeTab grant (or the test build's host permission) covers this tab for the extension.
        const tab = await api.tabs.get(source.tabId);
        const reading = await readTab(api, source.tabId, tab.url);
        if (live) setShown({ phase: 'live', reading });
      };
      load().catch((error: unknown) => live && setShown({ phase: 'failed', message: messageOf(error) }));
    }
    return () => {
      live = false;
    };
  }, [source]);

  const article: ArticleViewSource | null =
    shown.phase === 'saved' ? shown.article : shown.phase === 'live' && shown.reading.kind === 'article' ? shown.reading.article : null;
  const subject = useMemo(() => (shown.phase === 'live' && shown.reading.kind === 'article' ? { article: shown.reading.article } : null), [shown]);
  const save = useSave(subject);

  useEffect(() => {
    if (article) document.title = `${article.title} · Broadsheet`;
  }, [article?.title]);

  return (
    <div class="reader">
      <header class="reader__bar">
        <span class="reader__brand">Broadsheet</span>
        {subject && (
          <button
            type="button"
            class={`bs-button save${save.state.phase === 'saved' ? '' : ' bs-button--primary'}`}
            aria-pressed={save.state.phase === 'saved'}
            disabled={save.state.phase === 'saving' || save.state.phase === 'checking'}
            onClick={() => void save.toggle()}
          >
            {save.state.phase === 'saved' ? `✓ ${t('saved')}` : save.state.phase === 'saving' ? t('saving') : t('saveForLater')}
          </button>
        )}
        {article && webUrl(article.url) && (
          <a class="bs-button" href={article.url} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        )}
        {article && (
          <ReadAloudControls key={article.url} articleRoot={() => document.querySelector<HTMLElement>('.reader__main .bs-article')} lang={article.lang} />
        )}
      </header>
      {save.state.phase === 'failed' && (
        <p class="reader__error" role="alert">
          {t('saveFailed', save.state.message)}
        </p>
      )}
      <main class="reader__main">
        {article && <ArticleView article={article} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} />}
        {shown.phase === 'loading' && <div class="reader__loading" role="status" aria-busy="true" />}
        {shown.phase === 'missing' && <StatusMessage title={source.kind === 'saved' ? t('articleNotFound') : t('readerNothing')} />}
        {shown.phase === 'failed' && <StatusMessage title={t('libraryUnavailable', shown.message)} tone="error" />}
        {shown.phase === 'saved' && !shown.article.contentSaved && (
          <StatusMessage title={t('linkOnly')}>
            {webUrl(shown.article.url) && (
              <a href={shown.article.url} target="_blank" rel="noopener noreferrer">
                {t('openOriginal')}
              </a>
            )}
          </StatusMessage>
        )}
        {shown.phase === 'live' && shown.reading.kind === 'not-an-article' && <StatusMessage title={t('notAnArticleTitle')} />}
        {shown.phase === 'live' && shown.reading.kind === 'restricted' && (
          <StatusMessage title={t('restrictedTitle')}>
            <p>{restrictionText(shown.reading.restriction)}</p>
          </StatusMessage>
        )}
        {shown.phase === 'live' && shown.reading.kind === 'error' && (
          <StatusMessage title={t('extractErrorTitle')} tone="error">
            <p>{shown.reading.message}</p>
          </StatusMessage>
        )}
      </main>
    </div>
  );
}
