// The options page's entry is kept small on purpose (issue 6): it starts loading the storage code, opening the
// database and reading the newest rows first, then fetches and compiles the interface (options-ui.tsx), which used
// to come first because an entry's static imports all load and run before its own code. No Preact or component here.
import '../src/ui/base.css';
import '../src/ui/options/options.css';
import { prefetchFirstPage } from '../src/ui/options/first-page';

performance.mark('broadsheet:options-script');
// Opens the library (the page's one connection, src/ui/library-access.ts) and reads the newest rows.
prefetchFirstPage();
void import('./options-ui').then(({ startOptions }) => startOptions());
