// @vitest-environment jsdom
import { describe, expect, it, afterEach } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ArticleView, warmUpArticleView, type ArticleViewSource } from '../../src/ui/ArticleView';
import { datelineParts, displayDate, siteLabel } from '../../src/ui/dateline';

const base: ArticleViewSource = {
  url: 'https://news.example/world/story',
  title: 'A headline',
  byline: 'Ada Lovelace',
  siteName: 'The Example',
  published: '2024-10-16T15:35:00+05:30',
  modified: null,
  lang: 'en',
  dir: 'ltr',
  leadImage: null,
  contentHtml: '<p>First paragraph with <a href="https://elsewhere.example/">a link</a>.</p><p>Second.</p>',
  readingMinutes: 4,
};

function mount(article: ArticleViewSource, props: { timeZone?: string } = {}): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<ArticleView article={article} locale="en-GB" timeZone={props.timeZone ?? 'UTC'} />, host));
  return host;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ArticleView', () => {
  it('shows site, headline, byline, published time in the given timezone with the exact ISO time on hover, and reading time', () => {
    const host = mount(base);
    expect(host.querySelector('.bs-article__site')?.textContent).toBe('The Example');
    expect(host.querySelector('h1')?.textContent).toBe('A headline');
    const dateline = host.querySelector('.bs-dateline')!;
    expect(dateline.querySelector('.bs-dateline__byline')?.textContent).toBe('Ada Lovelace');
    const time = dateline.querySelector('time')!;
    // 15:35 at +05:30 is 10:05 UTC.
    expect(time.textContent).toBe('16 Oct 2024, 10:05');
    expect(time.getAttribute('title')).toBe('2024-10-16T15:35:00+05:30');
    expect(time.getAttribute('datetime')).toBe('2024-10-16T15:35:00+05:30');
    expect(dateline.textContent).toContain('readingMinutes 4');
    expect(dateline.textContent).not.toContain('datelineUpdated');
  });

  it('adds "updated" only when the modified time reads differently', () => {
    const sameMinute = mount({ ...base, modified: '2024-10-16T10:05:30Z' });
    expect(sameMinute.querySelector('.bs-dateline__updated')).toBeNull();
    document.body.innerHTML = '';
    const later = mount({ ...base, modified: '2024-10-17T08:00:00Z' });
    expect(later.querySelector('.bs-dateline__updated')?.textContent).toBe('datelineUpdated 17 Oct 2024, 08:00');
  });

  it('sanitises the body even when handed hostile HTML, and opens links in a new tab', () => {
    const host = mount({
      ...base,
      contentHtml: '<p onclick="alert(1)">Text</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">bad</a><a href="https://ok.example/">ok</a>',
    });
    const body = host.querySelector('.bs-article__body')!;
    expect(body.innerHTML).not.toMatch(/onclick|onerror|<script|javascript:/i);
    const ok = body.querySelector('a[href="https://ok.example/"]')!;
    expect(ok.getAttribute('target')).toBe('_blank');
    expect(ok.getAttribute('rel')).toContain('noopener');
  });

  it('shows the lead image with its caption unless the body already has it', () => {
    const leadImage = { src: 'https://img.example/a.jpg', alt: 'Soldiers', caption: 'Photo: agency' };
    const withLead = mount({ ...base, leadImage });
    expect(withLead.querySelector('.bs-article__lead img')?.getAttribute('src')).toBe(leadImage.src);
    expect(withLead.querySelector('.bs-article__lead figcaption')?.textContent).toBe('Photo: agency');
    document.body.innerHTML = '';
    const inBody = mount({ ...base, leadImage, contentHtml: `<p><img src="${leadImage.src}" alt=""></p><p>Text</p>` });
    expect(inBody.querySelector('.bs-article__lead')).toBeNull();
  });
});

describe('warmUpArticleView', () => {
  it('runs the renderer once without touching the page, and the article renders the same after it', () => {
    const before = document.body.innerHTML;
    warmUpArticleView();
    expect(document.body.innerHTML).toBe(before);
    const host = document.createElement('div');
    document.body.append(host);
    act(() => render(<ArticleView article={base} timeZone="UTC" />, host));
    expect(host.querySelector('.bs-article__body a')?.getAttribute('href')).toBe('https://elsewhere.example/');
    expect(host.querySelector('h1')?.textContent).toBe('A headline');
  });
});

describe('dateline', () => {
  it('with images off, renders no image at all, in the body or as the lead', () => {
    const article = {
      ...base,
      leadImage: { src: 'https://news.example/lead.jpg', alt: 'Lead', caption: 'Credit' },
      contentHtml: '<p>Text</p><figure><img src="https://news.example/chart.png" alt="Chart"><figcaption>Chart caption</figcaption></figure><p>More</p>',
    };
    const host = document.createElement('div');
    document.body.append(host);
    act(() => render(<ArticleView article={article} locale="en-GB" timeZone="UTC" showImages={false} />, host));
    expect(host.querySelectorAll('img')).toHaveLength(0);
    expect(host.textContent).toContain('More');
    act(() => render(<ArticleView article={article} locale="en-GB" timeZone="UTC" />, host));
    expect(host.querySelectorAll('img').length).toBeGreaterThan(0);
  });

  it('shows a date-only value as that calendar day in every timezone', () => {
    expect(displayDate('2024-03-01', 'en-GB', 'America/Los_Angeles')?.text).toBe('1 Mar 2024');
    expect(displayDate('2024-03-01', 'en-GB', 'Pacific/Kiritimati')?.text).toBe('1 Mar 2024');
  });

  it('drops unreadable dates instead of showing "Invalid Date"', () => {
    expect(displayDate('yesterday-ish', 'en-GB', 'UTC')).toBeNull();
    expect(datelineParts({ byline: ' ', published: 'nope', modified: null, readingMinutes: 0 }, 'en', 'UTC')).toEqual({
      byline: null,
      published: null,
      updated: null,
      readingMinutes: null,
    });
  });

  it('names the site by the host when the page gives no site name', () => {
    expect(siteLabel(null, 'https://www.devdiscourse.com/article/x')).toBe('devdiscourse.com');
    expect(siteLabel('  Devdiscourse ', 'https://x.example')).toBe('Devdiscourse');
  });
});

describe('ArticleView images', () => {
  it('hides an image that fails to load, with its figure and caption', () => {
    const host = mount({
      ...base,
      leadImage: { src: 'https://img.example/lead.jpg', alt: 'Lead', caption: 'Caption' },
      contentHtml: '<p>Text</p><figure><img src="https://img.example/body.jpg" alt="Body"><figcaption>Body caption</figcaption></figure>',
    });
    const lead = host.querySelector<HTMLImageElement>('.bs-article__lead img')!;
    const bodyImage = host.querySelector<HTMLImageElement>('.bs-article__body img')!;
    lead.dispatchEvent(new Event('error'));
    bodyImage.dispatchEvent(new Event('error'));
    expect(host.querySelector<HTMLElement>('.bs-article__lead')!.hidden).toBe(true);
    expect(host.querySelector<HTMLElement>('.bs-article__body figure')!.hidden).toBe(true);
    expect(host.querySelector<HTMLElement>('.bs-article__body p')!.hidden).toBe(false);
  });
});

describe('ArticleView untrusted fields', () => {
  it('links and shows images only for web URLs, whatever a stored record holds', () => {
    const host = mount({
      ...base,
      url: 'javascript:alert(1)',
      siteName: 'Evil',
      leadImage: { src: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'x', caption: null },
    });
    expect(host.querySelector('.bs-article__site a')).toBeNull();
    expect(host.querySelector('.bs-article__site')?.textContent).toBe('Evil');
    expect(host.querySelector('.bs-article__lead')).toBeNull();
    expect(host.innerHTML).not.toContain('javascript:');
  });
});
