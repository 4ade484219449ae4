import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import type { Preferences } from '../src/storage/preferences';
import type { SavedArticle, SavedMeta } from '../src/storage/types';
import { ArticleView } from '../src/ui/ArticleView';
import { StatusMessage } from '../src/ui/StatusMessage';
import { WindowedList } from '../src/ui/WindowedList';
import { displayDate, siteLabel } from '../src/ui/dateline';
import { webUrl } from '../src/ui/web-url';
import { t, uiLocale } from '../src/ui/i18n';
import { library, messageOf } from '../src/ui/library-access';
import { useSavedList } from './use-saved-list';

export { prefetchSavedList } from './use-saved-list';

const ROW_HEIGHT = 84;

interface Removal {
  records: SavedArticle[];
  title: string;
}

export function SavedPane({ api, preferences }: { api: Browser; preferences: Preferences }) {
  const list = useSavedList();
  const [openId, setOpenId] = useState<string | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    try {
      setActionError(null);
      await action();
    } catch (error) {
      setActionError(messageOf(error));
    }
  }, []);

  const setRead = (meta: SavedMeta, read: boolean) => run(async () => void (await (await library()).setRead([meta.id], read)));
  const remove = (meta: SavedMeta) =>
    run(async () => {
      const records = await (await library()).remove([meta.id]);
      setRemoval({ records, title: meta.title });
      if (openId === meta.id) setOpenId(null);
    });
  const undo = () =>
    run(async () => {
      if (!removal) return;
      await (await library()).restore(removal.records);
      setRemoval(null);
    });

  const toast = removal && (
    <div class="toast" role="status">
      <span class="toast__text">{t('removed', removal.title)}</span>
      <button type="button" class="bs-link-button toast__undo" onClick={undo}>
        {t('undo')}
      </button>
    </div>
  );
  const errorLine = actionError && (
    <p class="action-error" role="alert">
      {actionError}
    </p>
  );

  if (openId) {
    return (
      <>
        <StoredArticle api={api} id={openId} preferences={preferences} onBack={() => setOpenId(null)} onRemove={remove} onSetRead={setRead} />
        {errorLine}
        {toast}
      </>
    );
  }

  return (
    <div class="saved">
      <div class="saved__summary">
        {list.total !== null && <span>{t('savedCount', list.total)}</span>}
        {list.skipped > 0 && <span class="saved__skipped"> · {t('savedUnreadable', list.skipped)}</span>}
      </div>
      {list.error ? (
        <StatusMessage title={t('libraryUnavailable', list.error)} tone="error" />
      ) : list.loading ? (
        <div class="saved__loading" role="status" aria-busy="true" />
      ) : list.items.length === 0 ? (
        <StatusMessage title={t('savedListEmpty')} />
      ) : (
        <WindowedList
          items={list.items}
          rowHeight={ROW_HEIGHT}
          keyOf={(item) => item.id}
          label={t('savedListLabel')}
          onNearEnd={() => void list.loadMore()}
          renderRow={(item) => <SavedRow meta={item} onOpen={() => setOpenId(item.id)} onSetRead={setRead} onRemove={remove} />}
        />
      )}
      {errorLine}
      {toast}
    </div>
  );
}

function SavedRow({ meta, onOpen, onSetRead, onRemove }: { meta: SavedMeta; onOpen(): void; onSetRead(meta: SavedMeta, read: boolean): void; onRemove(meta: SavedMeta): void }) {
  const unread = meta.readAt === null;
  const published = displayDate(meta.published, uiLocale());
  const details = [siteLabel(meta.siteName, meta.url), published?.text, meta.contentSaved ? t('readingMinutes', meta.readingMinutes) : t('linkOnly')].filter(Boolean);
  return (
    <div class={`saved-row${unread ? ' saved-row--unread' : ''}`} data-id={meta.id}>
      <span class="saved-row__dot" aria-hidden="true" />
      <div class="saved-row__main">
        <button type="button" class="saved-row__title" onClick={onOpen}>
          {unread && <span class="bs-visually-hidden">{t('unread')}: </span>}
          {meta.title}
        </button>
        <p class="saved-row__meta">{details.join(' · ')}</p>
      </div>
      <div class="saved-row__actions">
        <button type="button" class="bs-link-button saved-row__read" onClick={() => onSetRead(meta, unread)}>
          {unread ? t('markRead') : t('markUnread')}
        </button>
        <button type="button" class="bs-link-button saved-row__remove" onClick={() => onRemove(meta)} aria-label={`${t('remove')}: ${meta.title}`}>
          {t('remove')}
        </button>
      </div>
    </div>
  );
}

type Loaded = { phase: 'loading' } | { phase: 'ready'; article: SavedArticle } | { phase: 'missing' } | { phase: 'failed'; message: string };

/** One saved article, read from the library only (works offline). */
function StoredArticle({ api, id, preferences, onBack, onRemove, onSetRead }: {
  api: Browser;
  id: string;
  preferences: Preferences;
  onBack(): void;
  onRemove(meta: SavedMeta): void;
  onSetRead(meta: SavedMeta, read: boolean): void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });

  useEffect(() => {
    let live = true;
    const load = async () => {
      const lib = await library();
      const article = await lib.getArticle(id);
      if (!live) return;
      if (!article) return setLoaded({ phase: 'missing' });
      setLoaded({ phase: 'ready', article });
      if (preferences.markReadOnOpen && article.readAt === null) await lib.setRead([id], true);
    };
    load().catch((error: unknown) => live && setLoaded({ phase: 'failed', message: messageOf(error) }));
    const stop = library().then((lib) =>
      lib.onChanged((change) => {
        if (change.ids.length && !change.ids.includes(id)) return;
        lib.getMeta(id).then((meta) => live && meta && setLoaded((previous) => (previous.phase === 'ready' ? { phase: 'ready', article: { ...previous.article, ...meta } } : previous)), () => {});
      }),
    );
    return () => {
      live = false;
      void stop.then((unsubscribe) => unsubscribe(), () => {});
    };
  }, [id]);

  const article = loaded.phase === 'ready' ? loaded.article : null;
  return (
    <div class="stored">
      <div class="subbar">
        <button type="button" class="bs-button subbar__back" onClick={onBack}>
          <span class="subbar__arrow" aria-hidden="true">←</span> {t('back')}
        </button>
        {article && (
          <>
            <button type="button" class="bs-button stored__read" onClick={() => onSetRead(article, article.readAt === null)}>
              {article.readAt === null ? t('markRead') : t('markUnread')}
            </button>
            <button type="button" class="bs-button stored__remove" onClick={() => onRemove(article)}>
              {t('remove')}
            </button>
            <button
              type="button"
              class="bs-button stored__open-tab"
              onClick={() => void api.tabs.create({ url: api.runtime.getURL(`reader.html?id=${encodeURIComponent(id)}`) }).then(() => window.close())}
            >
              {t('openInTab')}
            </button>
          </>
        )}
      </div>
      <div class="popup__scroll">
        {loaded.phase === 'loading' && <div class="saved__loading" role="status" aria-busy="true" />}
        {loaded.phase === 'missing' && <StatusMessage title={t('articleNotFound')} />}
        {loaded.phase === 'failed' && <StatusMessage title={t('libraryUnavailable', loaded.message)} tone="error" />}
        {article &&
          (article.contentSaved ? (
            <ArticleView article={article} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} />
          ) : (
            <StatusMessage title={article.title}>
              <p>{t('linkOnly')}</p>
              {webUrl(article.url) && (
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {t('openOriginal')}
                </a>
              )}
            </StatusMessage>
          ))}
      </div>
    </div>
  );
}
