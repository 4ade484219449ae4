import { render } from 'preact';
import { t } from '../src/ui/i18n';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { OptionsApp } from '../src/ui/options/OptionsApp';

/**
 * The options page's interface (Preact, the preferences form and the library manager). Loaded by options.tsx with
 * `import()` once the library is being opened, so that fetching and compiling this graph overlaps opening the
 * database and reading the newest rows instead of preceding them.
 */
export function startOptions(): void {
  applyLocaleDirection();
  document.title = t('optionsTitle');
  render(<OptionsApp root={document.documentElement} />, document.getElementById('app')!);
}
