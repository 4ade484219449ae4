// The popup's entry is kept tiny on purpose (issue 6): it asks the browser to read the tab first, and only then
// fetches and compiles the interface (Preact and the components, popup-ui.tsx), which used to come first because
// an entry's static imports all load and run before its own code. Nothing here may import Preact or a component.
// popup.html loads it as an async module script: it runs once fetched, without waiting for popup.css (a deferred
// script waits for the stylesheets before it) — the stylesheet is needed for the first paint, not for reading the tab.
import { extensionApi } from '../src/extension-api';
import { readTargetTab } from './active-tab';
import { loadAndWarmUpArticleView } from './lazy-views';
import '../src/ui/base.css';
// Also imported by the lazily loaded ArticleView; a lazy chunk's CSS is not loaded by the page, so it comes in here.
import '../src/ui/article.css';
import './popup.css';

const api = extensionApi();
// Injection starts before anything else: the frame is built and painted while the page is read.
const firstReading = readTargetTab(api);
void import('./popup-ui').then(({ startPopup }) => startPopup(api, firstReading, () => readTargetTab(api)));
// The article renderer (with DOMPurify) loads alongside, and pays its first-use costs while the page is read; it is
// needed only when the article arrives. A failed load is reported by the interface, which asks for it again.
loadAndWarmUpArticleView().catch(() => undefined);
