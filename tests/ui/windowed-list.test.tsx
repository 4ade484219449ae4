// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { WindowedList } from '../../src/ui/WindowedList';

const items = Array.from({ length: 5000 }, (_, index) => ({ id: `id-${index}`, title: `Article ${index}` }));

function mount(onNearEnd = vi.fn()) {
  const host = document.createElement('div');
  document.body.append(host);
  act(() =>
    render(
      <WindowedList items={items} rowHeight={80} keyOf={(item) => item.id} label="Saved" onNearEnd={onNearEnd} renderRow={(item) => <span>{item.title}</span>} />,
      host,
    ),
  );
  return { host, onNearEnd };
}

describe('WindowedList', () => {
  it('renders only the rows in view, in a box as tall as all of them', () => {
    const { host } = mount();
    const rows = host.querySelectorAll('li');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(20);
    expect(rows[0]!.textContent).toBe('Article 0');
    expect(host.querySelector<HTMLElement>('ul')!.style.height).toBe(`${5000 * 80}px`);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('5000');
  });

  it('moves the window on scroll and asks for more near the end', () => {
    const { host, onNearEnd } = mount();
    const viewport = host.querySelector<HTMLElement>('.bs-windowed')!;
    act(() => {
      viewport.scrollTop = 2000 * 80;
      viewport.dispatchEvent(new Event('scroll'));
    });
    const titles = [...host.querySelectorAll('li')].map((row) => row.textContent);
    expect(titles).toContain('Article 2000');
    expect(titles).not.toContain('Article 0');
    expect(host.querySelector<HTMLElement>('li')!.style.top).toBe(`${Number(titles[0]!.split(' ')[1]) * 80}px`);
    expect(onNearEnd).not.toHaveBeenCalled();
    act(() => {
      viewport.scrollTop = 4995 * 80;
      viewport.dispatchEvent(new Event('scroll'));
    });
    expect(onNearEnd).toHaveBeenCalled();
  });
});
