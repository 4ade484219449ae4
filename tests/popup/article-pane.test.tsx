// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ArticlePane } from '../../popup/ArticlePane';
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
