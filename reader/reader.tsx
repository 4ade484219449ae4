import { render } from 'preact';
import { extensionApi } from '../src/extension-api';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { applyCachedPreferences } from '../src/ui/use-preferences';
import { ReaderApp, readerSource } from './ReaderApp';
import '../src/ui/base.css';
import './reader.css';

applyLocaleDirection();
const initialPreferences = applyCachedPreferences();
render(<ReaderApp api={extensionApi()} source={readerSource(location.search)} initialPreferences={initialPreferences} />, document.getElementById('app')!);
