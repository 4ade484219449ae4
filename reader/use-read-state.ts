import { useCallback, useEffect, useState } from 'preact/hooks';
import { library, messageOf } from '../src/ui/library-access';

/** undefined: not known yet (or not saved); null: unread; a number: read at that time. */
export type ReadAt = number | null | undefined;

/**
 * Whether the saved entry `id` is read, following changes made anywhere (the popup's saved list, the options page,
 * "mark read on open"), and the toggle for the reader's Mark read button.
 */
export function useReadState(id: string | null) {
  const [readAt, setReadAt] = useState<ReadAt>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setReadAt(undefined);
    if (!id) return;
    let live = true;
    let stop: (() => void) | null = null;
    library().then(
      (lib) => {
        if (!live) return;
        const check = (): void => {
          lib.getMeta(id).then(
            (meta) => live && setReadAt(meta ? meta.readAt : undefined),
            () => live && setReadAt(undefined),
          );
        };
        check();
        stop = lib.onChanged(check);
      },
      () => live && setReadAt(undefined),
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [id]);

  const toggle = useCallback(async () => {
    if (!id || readAt === undefined) return;
    setError(null);
    try {
      const lib = await library();
      const [updated] = await lib.setRead([id], readAt === null);
      if (updated) setReadAt(updated.readAt);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }, [id, readAt]);

  return { readAt, toggle, error };
}
