/**
 * Repairs what an interrupted write or an older version could leave behind. Saves are single transactions, so
 * these states should not arise from Broadsheet itself, but a browser crash, a disk fault or an older build might:
 *   - a body with no entry (orphan): removed — it was never a saved article;
 *   - an entry whose body is missing (dangling): kept as a link, so the reader still has its title and address;
 *   - search terms with no entry: removed; an entry with no terms (or from before schema 2): terms rebuilt;
 *   - a record that cannot be read: left as it is and listed, so nothing is destroyed by guessing.
 */
import { checkBody, checkStoredMeta, rawId, type SkippedRecord } from './records';
import { putEntry, type Entry, type WriteTransaction } from './entries';
import { articleTerms } from './terms';
import { SCHEMA_VERSION } from './types';

export interface ConsistencyReport {
  orphanBodiesRemoved: string[];
  /** Entries whose body was missing, now kept as links (contentSaved false). */
  danglingEntriesRepaired: string[];
  orphanTermsRemoved: number;
  /** Entries whose search terms were missing or that came from an older schema, now indexed. */
  entriesReindexed: string[];
  corruptSkipped: SkippedRecord[];
}

export function changedAnything(report: ConsistencyReport): boolean {
  return (
    report.orphanBodiesRemoved.length + report.danglingEntriesRepaired.length + report.orphanTermsRemoved + report.entriesReindexed.length >
    0
  );
}

export async function repairLibrary(tx: WriteTransaction): Promise<ConsistencyReport> {
  const report: ConsistencyReport = {
    orphanBodiesRemoved: [],
    danglingEntriesRepaired: [],
    orphanTermsRemoved: 0,
    entriesReindexed: [],
    corruptSkipped: [],
  };
  const metaStore = tx.objectStore('meta');
  const bodies = tx.objectStore('bodies');
  const termsStore = tx.objectStore('terms');
  const [metaIds, bodyIds, termDocs] = await Promise.all([metaStore.getAllKeys(), bodies.getAllKeys(), termsStore.getAllKeys()]);
  const bodyIdSet = new Set(bodyIds);
  const termDocSet = new Set(termDocs);
  const docsInUse = new Set<number>();
  const toReindex: { entry: Entry; doc: number | null }[] = [];

  for (let cursor = await metaStore.openCursor(); cursor; cursor = await cursor.continue()) {
    const raw: unknown = cursor.value;
    const rawDoc = (raw as { doc?: unknown }).doc;
    if (typeof rawDoc === 'number') docsInUse.add(rawDoc);
    const checked = checkStoredMeta(raw);
    if (!checked.ok) {
      report.corruptSkipped.push({ id: rawId(raw, cursor.primaryKey), reason: checked.reason });
      continue;
    }
    let { meta } = checked.record;
    const { doc } = checked.record;
    if (meta.contentSaved && !bodyIdSet.has(meta.id)) {
      meta = { ...meta, contentSaved: false };
      report.danglingEntriesRepaired.push(meta.id);
    }
    const indexed = doc !== null && termDocSet.has(doc) && meta.schema === SCHEMA_VERSION;
    if (indexed && meta === checked.record.meta) continue;
    if (!indexed) report.entriesReindexed.push(meta.id);
    toReindex.push({ entry: { meta: { ...meta, schema: SCHEMA_VERSION }, body: null, terms: [] }, doc });
  }

  for (const { entry, doc } of toReindex) {
    const bodyChecked = entry.meta.contentSaved ? checkBody(await bodies.get(entry.meta.id)) : null;
    const body = bodyChecked?.ok ? bodyChecked.record : null;
    const terms = articleTerms({ ...entry.meta, url: entry.meta.canonicalUrl, textContent: body?.textContent ?? '' });
    const stored = await putEntry(tx, { meta: entry.meta, body, terms }, { meta: entry.meta, doc }, { keepStoredBody: true });
    docsInUse.add(stored.doc);
  }

  const metaIdSet = new Set(metaIds);
  for (const id of bodyIds) {
    if (metaIdSet.has(id)) continue;
    await bodies.delete(id);
    report.orphanBodiesRemoved.push(id);
  }
  for (const doc of termDocs) {
    if (docsInUse.has(doc)) continue;
    await termsStore.delete(doc);
    report.orphanTermsRemoved += 1;
  }
  return report;
}
