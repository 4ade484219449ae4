import { useEffect, useRef, useState } from 'preact/hooks';
import type { Library } from '../../storage/library';
import { t, uiLocale } from '../i18n';
import { messageOf } from '../library-access';
import { tCount } from './plural';
import { afterFirstPage } from './first-page';
import { ProgressBar } from './ProgressBar';
import { useOperation } from './use-operation';

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** How much is saved, and "delete all" behind typing a confirmation word. */
export function StoragePanel({ library, changeVersion }: { library: Library; changeVersion: number }) {
  const [figures, setFigures] = useState<{ count: number; bytes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const clearing = useOperation();
  const confirmWord = t('deleteAllWord');
  const confirmInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (confirming) confirmInput.current?.focus();
  }, [confirming]);

  useEffect(() => {
    let live = true;
    afterFirstPage().then(() => Promise.all([library.count(), library.bytesInUse()])).then(
      ([count, bytes]) => live && setFigures({ count, bytes }),
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [library, changeVersion]);

  const deleteAll = async () => {
    setError(null);
    try {
      await clearing.run(t('progressDeletingAll'), () => library.clear());
      setConfirming(false);
      setTyped('');
      setDone(t('deletedAll'));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <div class="bs-opt-storage">
      <dl class="bs-opt-figures">
        <div>
          <dt>{t('storageArticles')}</dt>
          <dd id="storage-count">{figures ? figures.count.toLocaleString(uiLocale()) : '…'}</dd>
        </div>
        <div>
          <dt>{t('storageBytes')}</dt>
          <dd id="storage-bytes">{figures ? formatBytes(figures.bytes, uiLocale()) : '…'}</dd>
        </div>
      </dl>
      {!confirming ? (
        <button
          type="button"
          class="bs-button bs-button--danger"
          disabled={figures?.count === 0}
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
        >
          {t('deleteAllStart')}
        </button>
      ) : (
        <form
          class="bs-opt-confirm"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim() === confirmWord) void deleteAll();
          }}
        >
          <p id="delete-all-warning">{tCount('deleteAllWarning', figures?.count ?? 0)}</p>
          <label for="delete-all-confirm">{t('deleteAllTypeWord', confirmWord)}</label>
          <input
            id="delete-all-confirm"
            type="text"
            autocomplete="off"
            spellcheck={false}
            aria-describedby="delete-all-warning"
            value={typed}
            ref={confirmInput}
            onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
          />
          <div class="bs-opt-actions">
            <button type="submit" class="bs-button bs-button--danger" disabled={typed.trim() !== confirmWord || clearing.running}>
              {t('deleteAllConfirm')}
            </button>
            <button
              type="button"
              class="bs-button"
              onClick={() => {
                setConfirming(false);
                setTyped('');
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      <ProgressBar progress={clearing.progress} />
      {done && (
        <p class="bs-opt-ok" role="status">
          {done}
        </p>
      )}
      {error && (
        <p class="bs-opt-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
