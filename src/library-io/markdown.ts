/**
 * Markdown export: one file per article in a zip, or every article in one file. Article HTML is sanitised first, as
 * on every surface that reads it, and converted with turndown.
 */
import TurndownService from 'turndown';
import { strToU8, zipSync } from 'fflate';
import type { SavedArticle } from '../storage/types';
import { renderableArticleHtml } from '../ui/safe-html';

function converter(): TurndownService {
  return new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
}

/** Front matter values are written as JSON strings, which YAML reads as the same strings, whatever they contain. */
function frontMatter(article: SavedArticle): string {
  const fields: Array<[string, string | string[] | null]> = [
    ['title', article.title],
    ['url', article.url],
    ['site', article.siteName],
    ['byline', article.byline],
    ['published', article.published],
    ['saved', new Date(article.savedAt).toISOString()],
    ['read', article.readAt === null ? null : new Date(article.readAt).toISOString()],
    ['tags', article.tags],
  ];
  const lines = fields.filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

function escapeMarkdownText(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function bodyMarkdown(article: SavedArticle, doc: Document, turndown: TurndownService): string {
  if (!article.contentSaved || !article.contentHtml.trim()) return `*Content not saved yet:* <${article.url}>\n`;
  return turndown.turndown(renderableArticleHtml(article.contentHtml, doc)).trim() + '\n';
}

function dateline(article: SavedArticle): string {
  const parts = [article.byline, article.siteName, article.published].filter((part): part is string => Boolean(part));
  return parts.length ? `*${escapeMarkdownText(parts.join(' · '))}*\n\n` : '';
}

export function articleToMarkdown(article: SavedArticle, doc: Document, turndown = converter()): string {
  return `${frontMatter(article)}\n# ${escapeMarkdownText(article.title)}\n\n${dateline(article)}<${article.url}>\n\n${bodyMarkdown(article, doc, turndown)}`;
}

export function combinedMarkdown(articles: readonly SavedArticle[], doc: Document): string {
  const turndown = converter();
  return articles
    .map((article) => `# ${escapeMarkdownText(article.title)}\n\n${dateline(article)}<${article.url}>\n\n${bodyMarkdown(article, doc, turndown)}`)
    .join('\n---\n\n');
}

/** A file name from the title: safe on Windows, macOS and Linux, and unique within the zip. */
export function markdownFileName(article: SavedArticle, taken: Set<string>): string {
  const date = new Date(article.savedAt).toISOString().slice(0, 10);
  const slug =
    article.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 80)
      .replace(/-+$/, '') || 'article';
  let name = `${date}-${slug}.md`;
  for (let n = 2; taken.has(name); n++) name = `${date}-${slug}-${n}.md`;
  taken.add(name);
  return name;
}

export function markdownZip(articles: readonly SavedArticle[], doc: Document): Uint8Array {
  const turndown = converter();
  const taken = new Set<string>();
  const files: Record<string, Uint8Array> = {};
  for (const article of articles) files[markdownFileName(article, taken)] = strToU8(articleToMarkdown(article, doc, turndown));
  return zipSync(files, { level: 6 });
}
