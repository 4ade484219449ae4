import type { ArticleView } from '../src/ui/ArticleView';
import type { SavedPane } from './SavedPane';

/**
 * The article renderer (with DOMPurify) and the saved list load as separate chunks, so the popup's first frame
 * needs only Preact and the skeleton. The article chunk is requested at startup and arrives while the page is
 * still being read, so it costs the article nothing.
 */
type ArticleViewComponent = typeof ArticleView;
type SavedPaneComponent = typeof SavedPane;

let articleView: ArticleViewComponent | null = null;
let articleViewLoading: Promise<ArticleViewComponent> | null = null;

export function loadArticleView(): Promise<ArticleViewComponent> {
  articleViewLoading ??= import('../src/ui/ArticleView').then((module) => (articleView = module.ArticleView));
  return articleViewLoading;
}

/** Non-null once `loadArticleView()` has resolved. */
export function loadedArticleView(): ArticleViewComponent | null {
  return articleView;
}

export function loadSavedPane(): Promise<SavedPaneComponent> {
  return import('./SavedPane').then((module) => module.SavedPane);
}
