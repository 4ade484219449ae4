/**
 * A standalone HTML file of articles: sanitised article HTML, its own inline CSS, no script. Its Content Security
 * Policy forbids script and every load but images, so even HTML that slipped past sanitising could not run or
 * phone home when the file is opened from disk.
 */
import type { SavedArticle } from '../storage/types';
import { renderableArticleHtml } from '../ui/safe-html';

export const STANDALONE_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1f1d1a; --bg: #fdfcf9; --muted: #5c5750; --rule: #e2ddd3; --link: #1d4ed8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e1; --bg: #161616; --muted: #a9a49b; --rule: #34322e; --link: #8ab4f8; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 18px/1.6 Charter, Georgia, 'DejaVu Serif', serif; }
main { max-width: 68ch; margin: 0 auto; padding: 2rem 1rem 4rem; }
nav ol { font: 15px/1.5 system-ui, sans-serif; }
article { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 2rem; overflow-wrap: break-word; }
h1 { font-size: 1.6em; line-height: 1.2; margin: 0 0 .4em; }
.site, .dateline { font: 13px/1.5 system-ui, sans-serif; color: var(--muted); margin: 0 0 .5em; }
.site { text-transform: uppercase; letter-spacing: .06em; font-weight: 600; }
a { color: var(--link); }
img { max-width: 100%; height: auto; }
blockquote { border-left: 3px solid var(--rule); margin-left: 0; padding-left: 1em; color: var(--muted); }
pre { overflow-x: auto; }
table { display: block; overflow-x: auto; border-collapse: collapse; }
td, th { border: 1px solid var(--rule); padding: .3em .5em; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function articleSection(article: SavedArticle, index: number, doc: Document): string {
  const datelineParts = [article.byline, article.published].filter((part): part is string => Boolean(part)).map(escapeHtml);
  const body = article.contentSaved && article.contentHtml.trim() ? renderableArticleHtml(article.contentHtml, doc) : '<p><em>Content not saved yet.</em></p>';
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir ? ` dir="${article.dir}"` : '';
  return `<article id="article-${index + 1}"${lang}${dir}>
<p class="site"><a href="${escapeHtml(article.url)}" rel="noopener noreferrer">${escapeHtml(article.siteName ?? new URL(article.url).hostname)}</a></p>
<h1>${escapeHtml(article.title)}</h1>
${datelineParts.length ? `<p class="dateline">${datelineParts.join(' · ')}</p>` : ''}
${body}
</article>`;
}

export function standaloneHtml(articles: readonly SavedArticle[], doc: Document, title: string): string {
  const contents = articles.map((article, index) => `<li><a href="#article-${index + 1}">${escapeHtml(article.title)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<nav><ol>
${contents}
</ol></nav>
${articles.map((article, index) => articleSection(article, index, doc)).join('\n')}
</main>
</body>
</html>
`;
}
