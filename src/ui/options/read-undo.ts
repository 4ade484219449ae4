import type { Library } from '../../storage/library';
import type { SavedMeta } from '../../storage/types';

/**
 * Marks `ids` read or unread and returns what undoes it: the articles whose state changed go back, and those that
 * were read get their own read time again (undoing "mark unread" must not stamp them as read now).
 */
export async function setReadUndoably(
  library: Pick<Library, 'setRead'>,
  ids: string[],
  read: boolean,
  before: (id: string) => Pick<SavedMeta, 'readAt'> | undefined,
): Promise<() => Promise<unknown>> {
  const changed = ids.filter((id) => (before(id)?.readAt !== null) !== read);
  const readTimes = new Map<string, number>();
  for (const id of changed) {
    const readAt = before(id)?.readAt;
    if (typeof readAt === 'number') readTimes.set(id, readAt);
  }
  await library.setRead(ids, read);
  return () => library.setRead(changed, !read, readTimes);
}
