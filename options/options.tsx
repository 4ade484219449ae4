import { render } from 'preact';
import '../src/ui/base.css';
import '../src/ui/options/options.css';
import { t } from '../src/ui/i18n';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { OptionsApp } from '../src/ui/options/OptionsApp';

applyLocaleDirection();
document.title = t('optionsTitle');
render(<OptionsApp root={document.documentElement} />, document.getElementById('app')!);
