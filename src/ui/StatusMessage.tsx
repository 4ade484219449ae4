import type { ComponentChildren } from 'preact';

/** A state that replaces the article: not an article, restricted, error, empty. Announced to screen readers. */
export function StatusMessage({ title, children, tone = 'info' }: { title: string; children?: ComponentChildren; tone?: 'info' | 'error' }) {
  return (
    <section class={`bs-status bs-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h2 class="bs-status__title">{title}</h2>
      {children}
    </section>
  );
}
