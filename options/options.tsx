import { render } from 'preact';
import '../src/ui/base.css';
import '../src/ui/options/options.css';
import { t } from '../src/ui/i18n';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { OptionsApp } from '../src/ui/options/OptionsApp';
import { library as optionsLibrary } from '../src/ui/library-access';

applyLocaleDirection();
document.title = t('optionsTitle');
// Start loading the storage code and opening the database now, so it overlaps the first render instead of following it.
optionsLibrary().catch(() => {
  /* OptionsApp asks again and shows the error */
});
render(<OptionsApp root={document.documentElement} />, document.getElementById('app')!);
