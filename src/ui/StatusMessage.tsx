import type { ComponentChildren } from 'preact';
import type { TooLargeReason } from '../content/page-guards';
import { t } from './i18n';
import { tooLargeText } from './restriction-text';

/** A state that replaces the article: not an article, restricted, error, empty. Announced to screen readers. */
export function StatusMessage({ title, children, tone = 'info' }: { title: string; children?: ComponentChildren; tone?: 'info' | 'error' }) {
  return (
    <section class={`bs-status bs-status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h2 class="bs-status__title">{title}</h2>
      {children}
    </section>
  );
}

/** A page past the content script's limits: its own title and what is too much, with no "Try again" (it would not help). */
export function TooLargeMessage({ reason }: { reason: TooLargeReason }) {
  return (
    <StatusMessage title={t('tooLargeTitle')}>
      <p data-too-large={reason}>{tooLargeText(reason)}</p>
    </StatusMessage>
  );
}
