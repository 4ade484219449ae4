import { render } from 'preact';
import '../src/ui/base.css';

render(<main><h1>Broadsheet</h1></main>, document.getElementById('app')!);
