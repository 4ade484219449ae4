import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(() => {
  /* context menu and migrations arrive with later features */
});
