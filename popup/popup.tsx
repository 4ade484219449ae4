import { render } from 'preact';
import { extensionApi } from '../src/extension-api';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { applyCachedPreferences } from '../src/ui/use-preferences';
import { readTargetTab } from './active-tab';
import { loadArticleView } from './lazy-views';
import { Popup } from './PopupApp';
import '../src/ui/base.css';
// Also imported by the lazily loaded ArticleView; a lazy chunk's CSS is not loaded by the page, so it comes in here.
import '../src/ui/article.css';
import './popup.css';

const api = extensionApi();
// Injection starts before the first render: the frame paints while the page is read.
const firstReading = readTargetTab(api);
void loadArticleView();
applyLocaleDirection();
const initialPreferences = applyCachedPreferences();

render(<Popup api={api} firstReading={firstReading} initialPreferences={initialPreferences} />, document.getElementById('app')!);
