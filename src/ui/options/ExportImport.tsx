import { useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../library-io/export-file';
import type { ImportOutcome } from '../../library-io/import-file';
import type { Library } from '../../storage/library';
import type { SavedArticle } from '../../storage/types';
import { t } from '../i18n';
import { messageOf } from '../library-access';
import { downloadFile } from './download';
import { formatCount, tCount } from './plural';
import { ProgressBar } from './ProgressBar';
import { useOperation } from './use-operation';

const FORMATS: Array<{ value: ExportFormat; label: string; hint: string }> = [
  { value: 'json', label: 'exportJson', hint: 'exportJsonHint' },
  { value: 'markdown-zip', label: 'exportMarkdownZip', hint: 'exportMarkdownZipHint' },
  { value: 'markdown', label: 'exportMarkdownOne', hint: 'exportMarkdownOneHint' },
  { value: 'html', label: 'exportHtml', hint: 'exportHtmlHint' },
];

interface Props {
  library: Library;
  selected: ReadonlySet<string>;
}

type Result = { tone: 'ok' | 'error'; message: string };

/**
 * Export the library or the selection, and import a file. The format code (turndown, fflate, papaparse) is loaded
 * with import() on first use, so it never weighs on opening the options page.
 */
export function ExportImport({ library, selected }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [exportResult, setExportResult] = useState<Result | null>(null);
  const [importResult, setImportResult] = useState<Result | null>(null);
  const exporting = useOperation();
  const importing = useOperation();
  const fileInput = useRef<HTMLInputElement>(null);
  const exportSelection = scope === 'selected' && selected.size > 0;

  const runExport = async () => {
    setExportResult(null);
    try {
      const ids = exportSelection ? [...selected] : undefined;
      const count = await exporting.run(t('progressExporting'), async (report) => {
        const total = ids?.length ?? (await library.count());
        const articles: SavedArticle[] = [];
        let unreadable = 0;
        for await (const article of library.exportAll(ids, () => unreadable++)) {
          articles.push(article);
          if (articles.length % 50 === 0) report(articles.length, total);
        }
        const { exportFile } = await import('../../library-io/export-file');
        const title = tCount('exportTitle', articles.length);
        downloadFile(exportFile(format, articles, new Date(), document, title));
        return { exported: articles.length, unreadable };
      });
      setExportResult({
        tone: 'ok',
        message: count.unreadable ? t('exportedWithSkipped', formatCount(count.exported), formatCount(count.unreadable)) : tCount('exportedCount', count.exported),
      });
    } catch (error) {
      setExportResult({ tone: 'error', message: t('exportFailed', messageOf(error)) });
    }
  };

  const runImport = async (file: File) => {
    setImportResult(null);
    try {
      const outcome: ImportOutcome = await importing.run(t('progressImporting', file.name), async () => {
        const { importLibraryFile } = await import('../../library-io/import-file');
        return importLibraryFile(library, file, new DOMParser());
      });
      setImportResult(
        outcome.ok
          ? { tone: 'ok', message: t('importedCounts', formatCount(outcome.added), formatCount(outcome.merged), formatCount(outcome.skipped)) }
          : { tone: 'error', message: outcome.message },
      );
    } catch (error) {
      setImportResult({ tone: 'error', message: t('importFailed', messageOf(error)) });
    } finally {
      // The same file can be chosen again (after fixing it) and still fire a change.
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div class="bs-opt-io">
      <form
        class="bs-opt-card"
        aria-labelledby="export-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void runExport();
        }}
      >
        <h3 id="export-heading">{t('exportHeading')}</h3>
        <fieldset class="bs-opt-choice">
          <legend>{t('exportFormatLabel')}</legend>
          {FORMATS.map((option) => (
            <label key={option.value} class="bs-opt-choice__option bs-opt-choice__option--stacked">
              <input type="radio" name="export-format" value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
              <span>
                {t(option.label)}
                <small>{t(option.hint)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset class="bs-opt-choice">
          <legend>{t('exportScopeLabel')}</legend>
          <label class="bs-opt-choice__option">
            <input type="radio" name="export-scope" value="all" checked={!exportSelection} onChange={() => setScope('all')} />
            <span>{t('exportScopeAll')}</span>
          </label>
          <label class="bs-opt-choice__option">
            <input type="radio" name="export-scope" value="selected" checked={exportSelection} disabled={selected.size === 0} onChange={() => setScope('selected')} />
            <span>{t('exportScopeSelected', formatCount(selected.size))}</span>
          </label>
        </fieldset>
        <div class="bs-opt-actions">
          <button type="submit" class="bs-button bs-button--primary" disabled={exporting.running} id="export-button">
            {t('exportButton')}
          </button>
        </div>
        <ProgressBar progress={exporting.progress} />
        {exportResult && (
          <p class={exportResult.tone === 'error' ? 'bs-opt-error' : 'bs-opt-ok'} role={exportResult.tone === 'error' ? 'alert' : 'status'}>
            {exportResult.message}
          </p>
        )}
      </form>

      <section class="bs-opt-card" aria-labelledby="import-heading">
        <h3 id="import-heading">{t('importHeading')}</h3>
        <p class="bs-opt-note" id="import-hint">
          {t('importHint')}
        </p>
        <label for="import-file" class="bs-opt-file">
          <span>{t('importChoose')}</span>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept=".json,.html,.htm,.csv,application/json,text/html,text/csv"
            aria-describedby="import-hint"
            disabled={importing.running}
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) void runImport(file);
            }}
          />
        </label>
        <ProgressBar progress={importing.progress} />
        <div id="import-result">
          {importResult && (
            <p class={importResult.tone === 'error' ? 'bs-opt-error' : 'bs-opt-ok'} role={importResult.tone === 'error' ? 'alert' : 'status'}>
              {importResult.message}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}
