import { render } from 'preact';
import { extensionApi } from '../src/extension-api';
import { applyLocaleDirection } from '../src/ui/locale-direction';
import { ReaderApp, readerSource } from './ReaderApp';
import '../src/ui/base.css';
import './reader.css';

applyLocaleDirection();
// The reader's preferences (the cached ones first, synchronously) are applied by ReaderApp's useEditablePreferences.
render(<ReaderApp api={extensionApi()} source={readerSource(location.search)} />, document.getElementById('app')!);
