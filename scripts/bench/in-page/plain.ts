// The baseline side: what a naive reader does — plain Readability with its defaults on a clone, serialised to HTML.
import { Readability } from '@mozilla/readability';
import { registerSide } from './timing';

registerSide('plain', (clone) => {
  const parsed = new Readability(clone).parse();
  return parsed ? { outcome: 'article', bodyChars: parsed.content?.length ?? 0 } : { outcome: 'null', bodyChars: 0 };
});
