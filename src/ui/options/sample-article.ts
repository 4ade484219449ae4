import type { ArticleViewSource } from '../ArticleView';

/**
 * The article the options page previews settings on. Built in rather than read from storage, so the preview works
 * with an empty library; no image, because a remote one would be a network request the reader did not ask for.
 */
export const SAMPLE_ARTICLE: ArticleViewSource = {
  url: 'https://broadsheet.example/sample/harbour-ferry',
  title: 'The harbour ferry returns after a winter of repairs',
  byline: 'Mara Lindqvist',
  siteName: 'The Broadsheet Gazette',
  published: '2026-03-14T08:30:00+00:00',
  modified: null,
  lang: 'en',
  dir: 'ltr',
  leadImage: null,
  readingMinutes: 2,
  contentHtml: [
    '<p>The little green ferry that links the old town to the island was back on the water this morning, four months after a storm tore away its landing ramp and flooded the engine room.</p>',
    '<p>“We missed the sound of the horn more than we expected,” said a baker whose shop faces the quay. Commuters who had spent the winter on a forty-minute bus detour cheered as the first crossing of the day tied up.</p>',
    '<h2>What changed</h2>',
    '<p>The crew now sails every twenty minutes at peak times, and the new ramp sits half a metre higher to keep spring tides off the deck. Tickets bought before the closure are still valid until the end of the year.</p>',
    '<blockquote><p>A town is held together by the small journeys people make every day.</p></blockquote>',
    '<p>The council says the repairs came in under budget, and the savings will pay for a covered waiting area on the island side by the summer.</p>',
  ].join(''),
};
