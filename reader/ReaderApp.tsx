import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Browser } from 'webextension-polyfill';
import { readTab, type TabReading } from '../src/content/read-tab';
import type { SavedArticle } from '../src/storage/types';
import { ArticleView, type ArticleViewSource } from '../src/ui/ArticleView';
import { StatusMessage, TooLargeMessage } from '../src/ui/StatusMessage';
import { webUrl } from '../src/ui/web-url';
import { t } from '../src/ui/i18n';
import { library, messageOf } from '../src/ui/library-access';
import { restrictionText } from '../src/ui/restriction-text';
import { useEditablePreferences } from '../src/ui/use-editable-preferences';
import { useSave } from '../src/ui/use-save';
import { ReadAloudControls } from '../src/ui/read-aloud/ReadAloudControls';
import { KeyHelp } from './KeyHelp';
import { nextTheme, readerCommand, stepPreference, type ReaderCommand } from './keys';
import { ReaderToolbar } from './ReaderToolbar';
import { useReadState } from './use-read-state';

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

/** How long "Link copied" stays before the note clears. */
const NOTE_MS = 2500;

export function ReaderApp({ api, source }: { api: Browser; source: ReaderSource }) {
  // The options page's editable preferences: applied at once, saved through the preferences module shortly after,
  // and following changes made in the popup or the options page.
  const { preferences, change, saveError } = useEditablePreferences(document.documentElement);
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
  const subject = useMemo(() => {
    if (shown.phase === 'live' && shown.reading.kind === 'article') return { article: shown.reading.article };
    // A saved article is an Article too: removing it here and saving it again works like on a live page.
    if (shown.phase === 'saved' && shown.article.contentSaved) return { article: shown.article };
    return null;
  }, [shown]);
  const save = useSave(subject);
  const savedId = shown.phase === 'saved' && save.state.phase !== 'unsaved' ? shown.article.id : save.state.phase === 'saved' ? save.state.id : null;
  const read = useReadState(savedId);
  const [helpOpen, setHelpOpen] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const showNote = (text: string, error: boolean): void => {
    setNote({ text, error });
    if (noteTimer.current) clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => setNote(null), NOTE_MS);
  };
  useEffect(() => () => void (noteTimer.current && clearTimeout(noteTimer.current)), []);

  const copyLink = async (): Promise<void> => {
    const url = article && webUrl(article.url);
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      showNote(t('readerLinkCopied'), false);
    } catch {
      showNote(t('readerCopyFailed'), true);
    }
  };

  // The latest state for the one document-level key listener, so it is added once.
  // Returns false when the key does nothing here, so the browser keeps it (arrows still scroll a message page).
  const commands = useRef<(command: ReaderCommand) => boolean>(() => false);
  commands.current = (command) => {
    if (command === 'help') {
      setHelpOpen(true);
      return true;
    }
    if (!article) return false;
    if (command === 'scroll-down' || command === 'scroll-up') {
      window.scrollBy({ top: (command === 'scroll-down' ? 1 : -1) * Math.round(window.innerHeight * 0.15), behavior: 'auto' });
    } else if (command === 'larger' || command === 'smaller') {
      const size = stepPreference(preferences, 'fontSize', command === 'larger' ? 1 : -1);
      if (size !== null) change({ fontSize: size });
    } else if (command === 'theme') {
      change({ theme: nextTheme(preferences.theme) });
    } else if (command === 'save') {
      // A key that removes an article could lose it by a slip: s only saves; the button undoes.
      if (subject && save.state.phase === 'unsaved') void save.toggle();
    }
    return true;
  };
  const helpOpenRef = useRef(helpOpen);
  helpOpenRef.current = helpOpen;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const command = readerCommand(event, { helpOpen: helpOpenRef.current });
      if (command && commands.current(command)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (article) document.title = `${article.title} · Broadsheet`;
  }, [article?.title]);

  return (
    <div class="reader">
      <header class="reader__bar">
        <div class="reader__row">
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
          {savedId && read.readAt !== undefined && (
            <button type="button" class="bs-button reader__read" aria-pressed={read.readAt !== null} onClick={() => void read.toggle()}>
              {read.readAt !== null && <span aria-hidden="true">✓ </span>}
              {t('markRead')}
            </button>
          )}
          {article && webUrl(article.url) && (
            <>
              <a class="bs-button" href={article.url} target="_blank" rel="noopener noreferrer">
                {t('openOriginal')}
              </a>
              <button type="button" class="bs-button reader__copy" onClick={() => void copyLink()}>
                {t('readerCopyLink')}
              </button>
            </>
          )}
          {article && (
            <button type="button" class="bs-button reader__print" onClick={() => window.print()}>
              {t('readerPrint')}
            </button>
          )}
          <button
            type="button"
            class="bs-button reader__help"
            aria-haspopup="dialog"
            aria-label={t('readerKeysTitle')}
            title={t('readerKeysTitle')}
            onClick={() => setHelpOpen(true)}
          >
            ?
          </button>
          {/* Always in the page, so screen readers announce what appears in it. */}
          <span class={`reader__note${note?.error ? ' reader__note--error' : ''}`} role="status">
            {note?.text}
          </span>
        </div>
        {article && (
          <div class="reader__row">
            <ReaderToolbar preferences={preferences} change={change} />
            <ReadAloudControls key={article.url} articleRoot={() => document.querySelector<HTMLElement>('.reader__main .bs-article')} lang={article.lang} />
          </div>
        )}
      </header>
      <KeyHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {save.state.phase === 'failed' && (
        <p class="reader__error" role="alert">
          {t('saveFailed', save.state.message)}
        </p>
      )}
      {read.error && (
        <p class="reader__error" role="alert">
          {t('libraryUnavailable', read.error)}
        </p>
      )}
      {saveError && (
        <p class="reader__error" role="alert">
          {t('prefSaveFailed', saveError)}
        </p>
      )}
      <main class="reader__main">
        {article && <ArticleView article={article} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} />}
        {article && webUrl(article.url) && <p class="reader__source">{t('readerPrintSource', article.url)}</p>}
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
        {shown.phase === 'live' && shown.reading.kind === 'too-large' && <TooLargeMessage reason={shown.reading.reason} />}
        {shown.phase === 'live' && shown.reading.kind === 'error' && (
          <StatusMessage title={t('extractErrorTitle')} tone="error">
            <p>{shown.reading.message}</p>
          </StatusMessage>
        )}
      </main>
    </div>
  );
}
