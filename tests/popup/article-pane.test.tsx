// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ArticlePane, FIRST_SCREEN_CHARS, firstScreenHtml } from '../../popup/ArticlePane';
import { loadArticleView } from '../../popup/lazy-views';
import type { PopupReading } from '../../popup/active-tab';
import { DEFAULT_PREFERENCES } from '../../src/storage/preferences';
import type { SaveState } from '../../src/ui/use-save';

beforeAll(async () => {
  await loadArticleView();
});

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(reading: PopupReading | null, saveState: SaveState = { phase: 'unsaved' }) {
  const host = document.createElement('div');
  document.body.append(host);
  const onSaveLink = vi.fn();
  const onRetry = vi.fn();
  act(() =>
    render(<ArticlePane reading={reading} preferences={{ ...DEFAULT_PREFERENCES }} saveState={saveState} onSaveLink={onSaveLink} onRetry={onRetry} />, host),
  );
  return { host, onSaveLink, onRetry };
}

describe('ArticlePane states', () => {
  it('shows a skeleton, not an empty pane, while the page is read', () => {
    const { host } = mount(null);
    expect(host.querySelector('.skeleton[aria-busy="true"]')).not.toBeNull();
    expect(host.textContent).toContain('loadingArticle');
  });

  it('renders the article through the sanitising view', () => {
    const { host } = mount({
      kind: 'article',
      article: {
        url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', title: 'Headline', byline: null, siteName: 'X', published: null,
        modified: null, lang: 'en', dir: null, excerpt: null, leadImage: null, contentHtml: '<p>Body</p><script>alert(1)</script>',
        textContent: 'Body', wordCount: 1, readingMinutes: 1,
      },
    });
    expect(host.querySelector('h1')?.textContent).toBe('Headline');
    expect(host.querySelector('.bs-article__body')?.innerHTML).toBe('<p>Body</p>');
  });

  it('offers to save a non-article page as a link', () => {
    const { host, onSaveLink } = mount({ kind: 'not-an-article', page: { kind: 'not-an-article', url: 'https://x.example/', canonicalUrl: 'https://x.example/', title: 'Sign in' } });
    expect(host.querySelector('.bs-status__title')?.textContent).toBe('notAnArticleTitle');
    expect(host.textContent).toContain('Sign in');
    act(() => host.querySelector<HTMLButtonElement>('.bs-status button')!.click());
    expect(onSaveLink).toHaveBeenCalledOnce();
  });

  it('names the restriction in one line', () => {
    const { host } = mount({ kind: 'restricted', restriction: 'store' });
    expect(host.querySelector('.bs-status__title')?.textContent).toBe('restrictedTitle');
    expect(host.querySelector('[data-restriction="store"]')?.textContent).toBe('restrictedStore');
  });

  it('shows an extraction error with its message and a retry, announced as an alert', () => {
    const { host, onRetry } = mount({ kind: 'error', message: 'Frame with ID 0 was removed.' });
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    expect(host.textContent).toContain('Frame with ID 0 was removed.');
    act(() => host.querySelector<HTMLButtonElement>('.bs-status button')!.click());
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

describe('a long article paints its first screen, then the whole', () => {
  const paragraph = (n: number) => `<p>Paragraph ${n} ${'of the harbour wall report '.repeat(8)}</p>`;
  const longHtml = Array.from({ length: 200 }, (_, n) => paragraph(n)).join('') + '<script>alert(1)</script>';
  const longArticle = (leadImage: { src: string; alt: string; caption: string | null } | null = null, html = longHtml) => ({
    kind: 'article' as const,
    article: {
      url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', title: 'Headline', byline: null, siteName: 'X', published: null,
      modified: null, lang: 'en', dir: null, excerpt: null, leadImage, contentHtml: html, textContent: 'Body', wordCount: 1, readingMinutes: 1,
    },
  });
  const paragraphs = (host: HTMLElement) => host.querySelectorAll('.bs-article__body p').length;
  // Not inside act(): act would run the effects (and so the second step) before returning.
  const mountAsBrowser = (reading: PopupReading) => {
    const host = document.createElement('div');
    document.body.append(host);
    render(<ArticlePane reading={reading} preferences={{ ...DEFAULT_PREFERENCES }} saveState={{ phase: 'unsaved' }} onSaveLink={() => {}} onRetry={() => {}} />, host);
    return { host };
  };

  it('cuts after a closing block tag past the first screen, and not at all when the article is short', () => {
    const head = firstScreenHtml(longHtml)!;
    expect(head.length).toBeGreaterThanOrEqual(FIRST_SCREEN_CHARS);
    expect(head.length).toBeLessThan(FIRST_SCREEN_CHARS + 400);
    expect(head.endsWith('</p>')).toBe(true);
    expect(longHtml.startsWith(head)).toBe(true);
    expect(firstScreenHtml(longHtml.slice(0, FIRST_SCREEN_CHARS))).toBeNull();
  });

  it('shows the sanitised first screen at once and the whole article right after it has painted', async () => {
    const { host } = mountAsBrowser(longArticle());
    const first = paragraphs(host);
    expect(first).toBeGreaterThan(10);
    expect(first).toBeLessThan(200);
    expect(host.querySelector('script')).toBeNull();
    await vi.waitFor(() => expect(paragraphs(host)).toBe(200));
    expect(host.querySelector('script')).toBeNull();
    expect(host.querySelector('h1')?.textContent).toBe('Headline');
  });

  it('leaves out of the first screen a lead image that the whole article leaves out (no image that jumps away)', async () => {
    const src = 'https://x.example/lead.jpg?w=1&h=2';
    const lead = { src, alt: 'Lead', caption: null };
    const withImageLater = longHtml.replace('</p><p>Paragraph 150', `</p><figure><img src="${src.replace(/&/g, '&amp;')}" alt="Lead"></figure><p>Paragraph 150`);
    const { host } = mountAsBrowser(longArticle(lead, withImageLater));
    expect(host.querySelector('.bs-article__body img')).toBeNull();
    expect(host.querySelectorAll('img').length).toBe(0);
    await vi.waitFor(() => expect(paragraphs(host)).toBe(200));
    expect(host.querySelectorAll('img').length).toBe(1);
  });
});
