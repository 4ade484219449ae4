import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, NotAnArticle } from '../extract/types';
import { library, messageOf } from './library-access';

export type SaveState =
  | { phase: 'checking' }
  | { phase: 'unsaved' }
  | { phase: 'saving' }
  | { phase: 'saved'; id: string }
  | { phase: 'failed'; message: string };

/** Whether the page shown is in the library, and the save / undo toggle. `subject` null: nothing to save. */
export function useSave(subject: { article: Article } | { link: NotAnArticle } | null) {
  const [state, setState] = useState<SaveState>({ phase: 'checking' });
  const url = subject ? ('article' in subject ? subject.article.canonicalUrl : subject.link.canonicalUrl) : null;

  const toggling = useRef(false);

  useEffect(() => {
    if (!url) return;
    let live = true;
    let stopListening: (() => void) | null = null;
    const check = (lib: Awaited<ReturnType<typeof library>>) =>
      lib.findByUrl(url).then(
        (found) => live && !toggling.current && setState(found ? { phase: 'saved', id: found.id } : { phase: 'unsaved' }),
        // Saving may still work; a failed lookup only means we cannot tell whether it is saved already.
        () => live && !toggling.current && setState({ phase: 'unsaved' }),
      );
    library().then(
      (lib) => {
        if (!live) return;
        void check(lib);
        // Removed from the saved list or the options page while this view is open: the button follows.
        stopListening = lib.onChanged(() => void check(lib));
      },
      () => live && setState({ phase: 'unsaved' }),
    );
    return () => {
      live = false;
      stopListening?.();
    };
  }, [url]);

  const toggle = useCallback(async () => {
    if (!subject) return;
    const current = state;
    toggling.current = true;
    try {
      const lib = await library();
      if (current.phase === 'saved') {
        setState({ phase: 'saving' });
        await lib.remove([current.id]);
        setState({ phase: 'unsaved' });
        return;
      }
      setState({ phase: 'saving' });
      // Loaded on demand: DOMPurify is not needed for the popup's first frame.
      const { sanitizeArticle } = await import('../extract/sanitize');
      const meta =
        'article' in subject
          ? await lib.saveArticle(sanitizeArticle(subject.article, document))
          : await lib.saveLink({ url: subject.link.canonicalUrl, title: subject.link.title });
      setState({ phase: 'saved', id: meta.id });
    } catch (error) {
      setState({ phase: 'failed', message: messageOf(error) });
    } finally {
      toggling.current = false;
    }
  }, [subject, state]);

  return { state, toggle };
}
