import type { Browser } from 'webextension-polyfill';
import { t } from '../ui/i18n';

export const SAVE_PAGE_MENU_ID = 'broadsheet-save-page';

/** Created on install and update; the id is stable so re-creating replaces, never duplicates. */
export async function createContextMenu(api: Pick<Browser, 'contextMenus'>): Promise<void> {
  await api.contextMenus.removeAll();
  api.contextMenus.create({ id: SAVE_PAGE_MENU_ID, title: t('contextMenuSave'), contexts: ['page'] });
}
