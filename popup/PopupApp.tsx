import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import type { Preferences } from '../src/storage/preferences';
import { t } from '../src/ui/i18n';
import { usePreferences } from '../src/ui/use-preferences';
import type { PopupReading, TargetTab } from './active-tab';
import { useSave } from '../src/ui/use-save';
import { ArticlePane } from './ArticlePane';
import { loadArticleView, loadSavedPane, loadedSavedPane, preloadSavedPane } from './lazy-views';

type View = 'article' | 'saved';

export interface PopupProps {
  api: Browser;
  /** Started before the first render, so extraction runs while the frame paints. */
  firstReading: Promise<{ tab: TargetTab | null; reading: PopupReading }>;
  /** Reads the tab again (the Try again button); popup.tsx owns reading so that it stays in the tiny entry. */
  readAgain(): Promise<{ tab: TargetTab | null; reading: PopupReading }>;
  initialPreferences: Preferences;
}

export function Popup({ api, firstReading, readAgain, initialPreferences }: PopupProps) {
  const preferences = usePreferences(initialPreferences);
  const [view, setView] = useState<View>(initialPreferences.defaultPopupView);
  const [savedOpened, setSavedOpened] = useState(view === 'saved');
  const [loadedPane, setSavedPaneView] = useState<Awaited<ReturnType<typeof loadSavedPane>> | null>(null);
  // Preloaded when idle (below): then the Saved view renders on the click itself, without waiting for an effect.
  const SavedPaneView = loadedPane ?? (savedOpened ? loadedSavedPane() : null);
  const [savedPaneError, setSavedPaneError] = useState<string | null>(null);
  const [pending, setPending] = useState(firstReading);
  const [result, setResult] = useState<{ tab: TargetTab | null; reading: PopupReading } | null>(null);

  useEffect(() => {
    if (!savedOpened || SavedPaneView) return;
    // A component is a function: wrap it so useState stores it rather than calling it as an updater.
    loadSavedPane().then(
      (component) => setSavedPaneView(() => component),
      (error: unknown) => setSavedPaneError(error instanceof Error ? error.message : String(error)),
    );
  }, [savedOpened]);

  useEffect(() => {
    let live = true;
    setResult(null);
    Promise.all([pending, loadArticleView()]).then(
      ([next]) => live && setResult(next),
      // A chunk that fails to load must still leave the reader a message, never an endless skeleton.
      (error: unknown) => live && setResult({ tab: null, reading: { kind: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [pending]);

  // Once the article (or a message) is shown, the saved list's code, the library and its first page are loaded
  // while the popup is idle, so the Saved view opens with its rows (issue 6: first rows within 100 ms).
  const shown = result !== null;
  useEffect(() => {
    if (!shown) return;
    const idle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 50));
    idle(() => void preloadSavedPane().catch(() => undefined));
  }, [shown]);

  const reading = result?.reading ?? null;
  const subject = useMemo(
    () => (reading?.kind === 'article' ? { article: reading.article } : reading?.kind === 'not-an-article' ? { link: reading.page } : null),
    [reading],
  );
  const save = useSave(subject);

  const choose = (next: View) => {
    setView(next);
    if (next === 'saved') setSavedOpened(true);
  };

  const openInTab = () => {
    const target =
      save.state.phase === 'saved' ? `reader.html?id=${encodeURIComponent(save.state.id)}` : `reader.html?tab=${result?.tab?.id ?? ''}`;
    void api.tabs.create({ url: api.runtime.getURL(target) }).then(() => window.close());
  };

  return (
    <div class="popup">
      <header class="popup__bar">
        <div class="views" role="tablist" aria-label={t('popupViews')}>
          {(['article', 'saved'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              class="views__tab"
              aria-selected={view === name}
              aria-controls={`panel-${name}`}
              tabIndex={view === name ? 0 : -1}
              onClick={() => choose(name)}
              onKeyDown={(event) => {
                // Tabs pattern: arrows move between views, Tab moves on to the content.
                if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
                const next = name === 'article' ? 'saved' : 'article';
                choose(next);
                document.getElementById(`tab-${next}`)?.focus();
              }}
            >
              {name === 'article' ? t('popupTabArticle') : t('popupTabSaved')}
            </button>
          ))}
        </div>
        {view === 'article' && reading?.kind === 'article' && (
          <div class="popup__actions">
            <button type="button" class="bs-button open-tab" onClick={openInTab}>
              {t('openInTab')}
            </button>
            <button
              type="button"
              class={`bs-button save${save.state.phase === 'saved' ? '' : ' bs-button--primary'}`}
              aria-pressed={save.state.phase === 'saved'}
              aria-label={save.state.phase === 'saved' ? t('savedUndoLabel') : undefined}
              disabled={save.state.phase === 'saving' || save.state.phase === 'checking'}
              onClick={() => void save.toggle()}
            >
              {save.state.phase === 'saved' ? `✓ ${t('saved')}` : save.state.phase === 'saving' ? t('saving') : t('saveForLater')}
            </button>
          </div>
        )}
      </header>
      {view === 'article' && save.state.phase === 'failed' && reading?.kind === 'article' && (
        <p class="action-error" role="alert">
          {t('saveFailed', save.state.message)}
        </p>
      )}
      <main id="panel-article" role="tabpanel" aria-labelledby="tab-article" class="popup__scroll" hidden={view !== 'article'}>
        <ArticlePane
          reading={reading}
          preferences={preferences}
          saveState={save.state}
          onSaveLink={() => void save.toggle()}
          onRetry={() => setPending(readAgain())}
        />
      </main>
      {savedOpened && (
        <section id="panel-saved" role="tabpanel" aria-labelledby="tab-saved" class="popup__panel" hidden={view !== 'saved'}>
          {SavedPaneView ? (
            <SavedPaneView api={api} preferences={preferences} />
          ) : savedPaneError ? (
            <p class="action-error" role="alert">
              {t('libraryUnavailable', savedPaneError)}
            </p>
          ) : (
            <div class="saved__loading" role="status" aria-busy="true" />
          )}
        </section>
      )}
    </div>
  );
}
