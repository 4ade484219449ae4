import type { Browser } from 'webextension-polyfill';

const CONFIRM_MS = 4000;

export type BadgeApi = Pick<Browser, 'action'>;

/**
 * The confirmation for saves that have no popup (context menu): a badge on the toolbar button, since a
 * notification would need another permission. Success clears itself; failure stays until the next save, with the
 * reason in the button's tooltip.
 */
export async function showSaveResult(api: BadgeApi, tabId: number, outcome: { ok: true } | { ok: false; message: string }, defaultTitle: string): Promise<void> {
  if (outcome.ok) {
    await api.action.setBadgeBackgroundColor({ color: '#1a7f37', tabId });
    await api.action.setBadgeText({ text: '✓', tabId });
    await api.action.setTitle({ title: defaultTitle, tabId });
    setTimeout(() => {
      void api.action.setBadgeText({ text: '', tabId }).catch(() => {
        // The tab may have closed meanwhile; nothing to clear.
      });
    }, CONFIRM_MS);
    return;
  }
  await api.action.setBadgeBackgroundColor({ color: '#b42318', tabId });
  await api.action.setBadgeText({ text: '!', tabId });
  await api.action.setTitle({ title: outcome.message, tabId });
}
