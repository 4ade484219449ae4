import { useEffect, useState } from 'preact/hooks';
import type { Library } from '../../storage/library';
import type { LibraryChange } from '../../storage/types';
import { t } from '../i18n';
import { library as optionsLibrary, messageOf } from '../library-access';
import { ExportImport } from './ExportImport';
import { libraryIfOpen } from './first-page';
import { LibraryManager } from './LibraryManager';
import { PreferencesForm } from './PreferencesForm';
import { StoragePanel } from './StoragePanel';
import { useEditablePreferences } from '../use-editable-preferences';

/** The options page: reading preferences, the library manager, export and import, and storage. */
export function OptionsApp({ root }: { root: HTMLElement }) {
  const { preferences, change, saveError } = useEditablePreferences(root);
  const [library, setLibrary] = useState<Library | null>(libraryIfOpen);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [changeVersion, setChangeVersion] = useState(0);
  const [lastChange, setLastChange] = useState<LibraryChange | null>(null);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    optionsLibrary().then(
      (opened) => {
        if (!live) return;
        setLibrary(opened);
        stop = opened.onChanged((change) => {
          setLastChange(change);
          setChangeVersion((version) => version + 1);
        });
      },
      (error: unknown) => live && setLibraryError(messageOf(error)),
    );
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  // Deleted articles leave the selection, whichever page deleted them.
  useEffect(() => {
    if (!library || selected.size === 0) return;
    let live = true;
    void Promise.all([...selected].map((id) => library.getMeta(id).then((meta) => (meta ? id : null)))).then((kept) => {
      const still = kept.filter((id): id is string => id !== null);
      if (live && still.length !== selected.size) setSelected(new Set(still));
    });
    return () => {
      live = false;
    };
  }, [changeVersion]);

  return (
    <div class="bs-opt">
      <header class="bs-opt-header">
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optionsSections')}>
          <ul>
            <li>
              <a href="#reading">{t('sectionReading')}</a>
            </li>
            <li>
              <a href="#library">{t('sectionLibrary')}</a>
            </li>
            <li>
              <a href="#export-import">{t('sectionExportImport')}</a>
            </li>
            <li>
              <a href="#storage">{t('sectionStorage')}</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        <section id="reading" class="bs-opt-section" aria-labelledby="reading-heading">
          <h2 id="reading-heading">{t('sectionReading')}</h2>
          <PreferencesForm preferences={preferences} onChange={change} saveError={saveError} />
        </section>
        {libraryError ? (
          <p class="bs-opt-error" role="alert">
            {libraryError}
          </p>
        ) : (
          <>
            <section id="library" class="bs-opt-section" aria-labelledby="library-heading">
              <h2 id="library-heading">{t('sectionLibrary')}</h2>
              {library ? (
                <LibraryManager library={library} selected={selected} onSelectionChange={setSelected} change={lastChange} changeVersion={changeVersion} />
              ) : (
                <p class="bs-opt-note">{t('libraryLoading')}</p>
              )}
            </section>
            <section id="export-import" class="bs-opt-section" aria-labelledby="io-heading">
              <h2 id="io-heading">{t('sectionExportImport')}</h2>
              {library && <ExportImport library={library} selected={selected} />}
            </section>
            <section id="storage" class="bs-opt-section" aria-labelledby="storage-heading">
              <h2 id="storage-heading">{t('sectionStorage')}</h2>
              {library && <StoragePanel library={library} changeVersion={changeVersion} />}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
