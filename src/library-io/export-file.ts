/**
 * Turns articles into the bytes of one download. Loaded with `import()` when the reader exports, so turndown and
 * fflate stay out of the options page's first load.
 */
import type { SavedArticle } from '../storage/types';
import { serializeLibrary } from './library-json';
import { combinedMarkdown, markdownZip } from './markdown';
import { standaloneHtml } from './standalone-html';

export type ExportFormat = 'json' | 'markdown-zip' | 'markdown' | 'html';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  data: string | Uint8Array;
}

export function exportFile(format: ExportFormat, articles: readonly SavedArticle[], now: Date, doc: Document, title: string): ExportFile {
  const stamp = now.toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { fileName: `broadsheet-${stamp}.json`, mimeType: 'application/json', data: serializeLibrary(articles, now) };
    case 'markdown-zip':
      return { fileName: `broadsheet-${stamp}-markdown.zip`, mimeType: 'application/zip', data: markdownZip(articles, doc) };
    case 'markdown':
      return { fileName: `broadsheet-${stamp}.md`, mimeType: 'text/markdown', data: combinedMarkdown(articles, doc) };
    case 'html':
      return { fileName: `broadsheet-${stamp}.html`, mimeType: 'text/html', data: standaloneHtml(articles, doc, title) };
  }
}
