import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { LeadImage } from '../extract/types';
import { Dateline } from './DatelineView';
import { datelineParts, siteLabel } from './dateline';
import { uiLocale } from './i18n';
import { renderableArticleHtml } from './safe-html';
import { webUrl } from './web-url';
import './article.css';

/** What the view needs; an extracted `Article` and a stored `SavedArticle` both have it. */
export interface ArticleViewSource {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  leadImage: LeadImage | null;
  contentHtml: string;
  readingMinutes: number;
}

export interface ArticleViewProps {
  article: ArticleViewSource;
  /** Locale and timezone for dates; default: the browser's. */
  locale?: string;
  timeZone?: string;
  showLeadImage?: boolean;
  /** False: no image at all, in the body or as the lead, so none is fetched. */
  showImages?: boolean;
}

/** Readability often keeps the lead image in the body; showing it twice would push the text down. */
function bodyHasImage(html: string, src: string): boolean {
  return html.includes(src) || html.includes(src.replace(/&/g, '&amp;'));
}

/**
 * An image that fails to load (offline reading of a saved article, a removed file) would show a broken-image box
 * or its alt text as if it were body text; hide it, with its figure and caption.
 */
function useHideBrokenImages(root: { current: HTMLElement | null }): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const hide = (event: Event): void => {
      const target = event.target;
      if (!(target instanceof HTMLImageElement)) return;
      const figure = target.closest('figure');
      (figure && element.contains(figure) ? figure : target).hidden = true;
    };
    // 'error' does not bubble: listen in the capture phase to see every image inside.
    element.addEventListener('error', hide, true);
    return () => element.removeEventListener('error', hide, true);
  }, [root]);
}

/**
 * Pays the renderer's first-use costs on a tiny article: compiling DOMPurify's code paths, loading the date and
 * number formatters' locale data, and matching the article's fonts (the first layout in the serif stack took 7–38 ms
 * in headless Chromium under load, the next one 0.5–4 ms). The popup calls it while the page is being read, when it
 * has nothing else to do, so the article does not pay them once it arrives (issue 6).
 */
export function warmUpArticleView(doc: Document = document): void {
  const html = renderableArticleHtml('<p>Ag <em>Ag</em> <strong>Ag</strong> <a href="https://example.org/">Ag</a></p>', doc);
  datelineParts({ byline: null, published: '2020-01-02T03:04:05Z', modified: '2020-01-02', readingMinutes: 1 }, uiLocale());
  new Intl.NumberFormat(uiLocale()).format(1);
  if (!doc.body) return;
  const probe = doc.createElement('article');
  probe.className = 'bs-article';
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none;left:-9999px;top:0';
  probe.innerHTML = `<p class="bs-article__site">Ag</p><h1 class="bs-article__headline">Ag</h1><p class="bs-dateline">Ag</p><div class="bs-article__body">${html}</div>`;
  doc.body.append(probe);
  void probe.offsetHeight; // layout now: this is what matches the fonts
  probe.remove();
}

/** The clean article: site, headline, dateline, lead image and body. The one renderer for popup, reader and options preview. */
export function ArticleView({ article, locale, timeZone, showLeadImage = true, showImages = true }: ArticleViewProps) {
  const bodyHtml = useMemo(() => renderableArticleHtml(article.contentHtml, document, { images: showImages }), [article.contentHtml, showImages]);
  const root = useRef<HTMLElement>(null);
  useHideBrokenImages(root);
  const leadSrc = webUrl(article.leadImage?.src);
  const lead = showImages && showLeadImage && article.leadImage && leadSrc && !bodyHasImage(bodyHtml, leadSrc) ? { ...article.leadImage, src: leadSrc } : null;
  const originalUrl = webUrl(article.url);
  return (
    <article ref={root} class="bs-article" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <header class="bs-article__header">
        <p class="bs-article__site">
          {originalUrl ? (
            <a href={originalUrl} target="_blank" rel="noopener noreferrer">
              {siteLabel(article.siteName, article.url)}
            </a>
          ) : (
            siteLabel(article.siteName, article.url)
          )}
        </p>
        {/* Element Timing: when the headline's text was first on screen (bench:popup, issue 6). */}
        <h1 class="bs-article__headline" elementtiming="broadsheet-headline">
          {article.title}
        </h1>
        <Dateline article={article} locale={locale} timeZone={timeZone} />
      </header>
      {lead && (
        <figure class="bs-article__lead">
          <img src={lead.src} alt={lead.alt} loading="lazy" referrerpolicy="no-referrer" />
          {lead.caption && <figcaption>{lead.caption}</figcaption>}
        </figure>
      )}
      <div class="bs-article__body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </article>
  );
}
