import { render } from 'preact';
import { extensionApi } from '../src/extension-api';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { applyCachedPreferences } from '../src/ui/use-preferences';
import { readTargetTab } from './active-tab';
import { Popup } from './PopupApp';
import '../src/ui/base.css';
import './popup.css';

const api = extensionApi();
// Injection starts before the first render: the frame paints while the page is read.
const firstReading = readTargetTab(api);
applyLocaleDirection();
const initialPreferences = applyCachedPreferences();

render(<Popup api={api} firstReading={firstReading} initialPreferences={initialPreferences} />, document.getElementById('app')!);
