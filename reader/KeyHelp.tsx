import { useEffect, useRef } from 'preact/hooks';
import { t } from '../src/ui/i18n';
import { KEY_LIST } from './keys';

/**
 * The list of the reader's keys in a modal <dialog>: the browser traps focus inside it, closes it on Escape and
 * returns focus to where it was.
 */
export function KeyHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="reader__keys" aria-labelledby="reader-keys-title" onClose={onClose}>
      <h2 id="reader-keys-title">{t('readerKeysTitle')}</h2>
      <dl>
        {KEY_LIST.map((row) => (
          <div key={row.label}>
            <dt>
              {row.keys.map((key, index) => (
                <>
                  {index > 0 && ' '}
                  <kbd>{key}</kbd>
                </>
              ))}
            </dt>
            <dd>{t(row.label)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="bs-button">
          {t('readerClose')}
        </button>
      </form>
    </dialog>
  );
}
