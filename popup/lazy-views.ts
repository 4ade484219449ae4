import type { ArticleView } from '../src/ui/ArticleView';
import type { SavedPane } from './SavedPane';

/**
 * The article renderer (with DOMPurify) and the saved list load as separate chunks, so the popup's first frame
 * needs only Preact and the skeleton. The article chunk is requested at startup and arrives while the page is
 * still being read, so it costs the article nothing. The saved list is preloaded when the popup is idle after the
 * article has been shown (preloadSavedPane).
 */
type ArticleViewComponent = typeof ArticleView;
type SavedPaneComponent = typeof SavedPane;

let articleView: ArticleViewComponent | null = null;
let articleViewLoading: Promise<ArticleViewComponent> | null = null;
let warmUp: (() => void) | null = null;

export function loadArticleView(): Promise<ArticleViewComponent> {
  articleViewLoading ??= import('../src/ui/ArticleView').then((module) => {
    warmUp = module.warmUpArticleView;
    return (articleView = module.ArticleView);
  });
  return articleViewLoading;
}

/** Loads the article renderer and, in a task of its own, pays its first-use costs (ArticleView's warmUpArticleView). */
export function loadAndWarmUpArticleView(): Promise<void> {
  return loadArticleView().then(() => void setTimeout(() => warmUp?.()));
}

/** Non-null once `loadArticleView()` has resolved. */
export function loadedArticleView(): ArticleViewComponent | null {
  return articleView;
}

let savedPane: SavedPaneComponent | null = null;
let savedPaneLoading: Promise<SavedPaneComponent> | null = null;

export function loadSavedPane(): Promise<SavedPaneComponent> {
  savedPaneLoading ??= import('./SavedPane').then((module) => (savedPane = module.SavedPane));
  // A failed chunk load may be retried by the next call.
  savedPaneLoading.catch(() => (savedPaneLoading = null));
  return savedPaneLoading;
}

/** Non-null once `loadSavedPane()` has resolved. */
export function loadedSavedPane(): SavedPaneComponent | null {
  return savedPane;
}

/**
 * Loads the saved list's code, opens the library and reads its first page ahead of time, so that the Saved view
 * shows rows as soon as it is opened. Called once the popup is idle after showing the article.
 */
export function preloadSavedPane(): Promise<void> {
  return import('./SavedPane').then((module) => {
    savedPane ??= module.SavedPane;
    return module.prefetchSavedList();
  });
}
