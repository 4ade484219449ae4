// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ArticleView, type ArticleViewSource } from '../../src/ui/ArticleView';
import { blockText, readableBlocks } from '../../src/ui/read-aloud/blocks';
import { createNarrator, READING_CLASS, type NarratorState } from '../../src/ui/read-aloud/narrator';
import { ReadAloudControls } from '../../src/ui/read-aloud/ReadAloudControls';
import { browserSpeech } from '../../src/ui/read-aloud/speech-types';
import { pickVoice, voicesForMenu, waitForVoices } from '../../src/ui/read-aloud/voices';
import { fakeSpeech, voice } from './fake-speech';

const article: ArticleViewSource = {
  url: 'https://news.example/story',
  title: 'Storm reaches the coast',
  byline: 'A. Reporter',
  siteName: 'The Example',
  published: '2024-10-16T10:00:00Z',
  modified: null,
  lang: 'en-GB',
  dir: 'ltr',
  leadImage: null,
  contentHtml:
    '<p>The storm made landfall at dawn.</p>' +
    '<blockquote><p>We have never seen water this high.</p></blockquote>' +
    '<h2>What happens next</h2>' +
    '<ul><li>Schools stay shut<ul><li>until Friday</li></ul></li><li>Roads reopen</li></ul>' +
    '<p>   </p>' +
    '<p>Officials will report again tonight.</p>',
  readingMinutes: 2,
};

function mountArticle(source: ArticleViewSource = article): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(<ArticleView article={source} locale="en-GB" timeZone="UTC" />, host);
  return host.querySelector<HTMLElement>('.bs-article')!;
}

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('readableBlocks', () => {
  it('reads the headline, then each body block with text once, skipping the site line, dateline and empty paragraphs', () => {
    const blocks = readableBlocks(mountArticle());
    expect(blocks.map(blockText)).toEqual([
      'Storm reaches the coast',
      'The storm made landfall at dawn.',
      'We have never seen water this high.',
      'What happens next',
      'Schools stay shut',
      'until Friday',
      'Roads reopen',
      'Officials will report again tonight.',
    ]);
  });
});

describe('voice choice', () => {
  const voices = [
    voice('Anna', 'de-DE', { default: true }),
    voice('Daniel', 'en-GB'),
    voice('Samantha', 'en-US'),
    voice('Karen', 'en_AU'),
    voice('Amélie', 'fr-CA'),
    voice('Thomas', 'fr-FR', { localService: false }),
    voice('Audrey', 'fr-FR'),
  ];

  it('takes the exact language tag first, ignoring case and underscores', () => {
    expect(pickVoice(voices, 'en-GB')?.name).toBe('Daniel');
    expect(pickVoice(voices, 'EN-us')?.name).toBe('Samantha');
    expect(pickVoice(voices, 'en-AU')?.name).toBe('Karen');
  });

  it('falls back to the primary subtag, preferring a local voice among equals', () => {
    expect(pickVoice(voices, 'de-AT')?.name).toBe('Anna');
    expect(pickVoice(voices, 'fr-BE')?.name).toBe('Amélie');
    expect(pickVoice(voices, 'fr-FR')?.name).toBe('Audrey');
  });

  it('uses the engine default when nothing matches or the article has no language, and null without voices', () => {
    expect(pickVoice(voices, 'ar')?.name).toBe('Anna');
    expect(pickVoice(voices, null)?.name).toBe('Anna');
    expect(pickVoice([], 'en')).toBeNull();
  });

  it('lists voices of the article language first in the menu', () => {
    expect(voicesForMenu(voices, 'fr').map((v) => v.name)).toEqual(['Amélie', 'Audrey', 'Thomas', 'Anna', 'Daniel', 'Karen', 'Samantha']);
  });
});

describe('waitForVoices', () => {
  it('resolves at once when voices are there', async () => {
    const speech = fakeSpeech([voice('Daniel', 'en-GB')]);
    expect((await waitForVoices(speech.engine, 1000)).map((v) => v.name)).toEqual(['Daniel']);
  });

  it('waits for voiceschanged when the list starts empty, then stops listening', async () => {
    vi.useFakeTimers();
    const speech = fakeSpeech([]);
    const pending = waitForVoices(speech.engine, 3000);
    vi.advanceTimersByTime(1000);
    speech.engine.installVoices([voice('Anna', 'de-DE')]);
    expect((await pending).map((v) => v.name)).toEqual(['Anna']);
    expect(speech.engine.listenerCount).toBe(0);
  });

  it('gives up with no voices after the timeout', async () => {
    vi.useFakeTimers();
    const speech = fakeSpeech([]);
    const pending = waitForVoices(speech.engine, 3000);
    vi.advanceTimersByTime(3000);
    expect(await pending).toEqual([]);
    expect(speech.engine.listenerCount).toBe(0);
  });
});

describe('narrator', () => {
  let root: HTMLElement;
  let states: NarratorState[];
  let revealed: string[];

  beforeEach(() => {
    root = mountArticle();
    states = [];
    revealed = [];
  });

  function start(voices = [voice('Daniel', 'en-GB')]) {
    const speech = fakeSpeech(voices);
    const blocks = readableBlocks(root);
    const narrator = createNarrator({
      speech,
      blocks,
      lang: 'en-GB',
      voice: voices[0] ?? null,
      rate: 1.25,
      onChange: (state) => states.push(state),
      reveal: (block) => revealed.push(blockText(block)),
    });
    return { speech, blocks, narrator };
  }

  const highlighted = () => Array.from(root.querySelectorAll(`.${READING_CLASS}`)).map((el) => blockText(el as HTMLElement));

  it('speaks one utterance per block in order, with the voice, language and rate, moving the highlight and scrolling to each', () => {
    const { speech, blocks, narrator } = start();
    narrator.play();
    for (let i = 0; i < blocks.length; i++) {
      expect(highlighted()).toEqual([blockText(blocks[i]!)]);
      expect(speech.engine.current?.text).toBe(blockText(blocks[i]!));
      expect(narrator.state()).toMatchObject({ status: 'playing', index: i, total: blocks.length });
      speech.engine.finishCurrent();
    }
    expect(speech.engine.spoken.map((u) => u.text)).toEqual(blocks.map(blockText));
    // Nothing was cancelled on the way: a cancel() right before speak() can swallow the utterance in some engines.
    expect(speech.engine.calls.filter((call) => call === 'cancel')).toEqual([]);
    expect(speech.engine.spoken.every((u) => u.voice?.name === 'Daniel' && u.lang === 'en-GB' && u.rate === 1.25)).toBe(true);
    expect(revealed).toEqual(blocks.map(blockText));
    expect(highlighted()).toEqual([]);
    expect(narrator.state()).toEqual({ status: 'idle', index: -1, total: blocks.length, error: null });
  });

  it('pauses and resumes in place without restarting the paragraph', () => {
    const { speech, narrator } = start();
    narrator.play();
    speech.engine.finishCurrent();
    narrator.pause();
    expect(narrator.state()).toMatchObject({ status: 'paused', index: 1 });
    expect(speech.engine.paused).toBe(true);
    expect(highlighted()).toEqual(['The storm made landfall at dawn.']);
    narrator.play();
    expect(speech.engine.paused).toBe(false);
    expect(narrator.state()).toMatchObject({ status: 'playing', index: 1 });
    expect(speech.engine.spoken).toHaveLength(2);
    speech.engine.finishCurrent();
    expect(speech.engine.current?.text).toBe('We have never seen water this high.');
  });

  it('stops: cancels the engine, clears the highlight, and ignores the cancelled utterance’s late events', () => {
    const { speech, narrator } = start();
    narrator.play();
    const first = speech.engine.current!;
    narrator.stop();
    expect(speech.engine.calls.at(-1)).toBe('cancel');
    expect(highlighted()).toEqual([]);
    expect(narrator.state().status).toBe('idle');
    first.onend?.(new Event('end'));
    expect(speech.engine.spoken).toHaveLength(1);
    expect(narrator.state().status).toBe('idle');
  });

  it('stopping while paused releases the engine’s pause so the next reading is heard', () => {
    const { speech, narrator } = start();
    narrator.play();
    narrator.pause();
    narrator.stop();
    expect(speech.engine.paused).toBe(false);
    narrator.play();
    expect(narrator.state()).toMatchObject({ status: 'playing', index: 0 });
    expect(speech.engine.current?.text).toBe('Storm reaches the coast');
  });

  it('a new speed restarts the current paragraph at that speed', () => {
    const { speech, narrator } = start();
    narrator.play();
    speech.engine.finishCurrent();
    narrator.setRate(2);
    expect(speech.engine.queue).toHaveLength(1);
    expect(speech.engine.current).toMatchObject({ text: 'The storm made landfall at dawn.', rate: 2 });
    speech.engine.finishCurrent();
    expect(narrator.state().index).toBe(2);
  });

  it('an engine error stops reading and reports the code', () => {
    const { speech, narrator } = start();
    narrator.play();
    speech.engine.failCurrent('synthesis-failed');
    expect(narrator.state()).toMatchObject({ status: 'idle', error: 'synthesis-failed' });
    expect(highlighted()).toEqual([]);
  });
});

describe('ReadAloudControls', () => {
  async function mountControls(speech: ReturnType<typeof fakeSpeech> | null, lang = 'en-GB', voiceWaitMs = 50) {
    const articleRoot = mountArticle({ ...article, lang });
    const host = document.createElement('div');
    document.body.prepend(host);
    await act(() => render(<ReadAloudControls articleRoot={() => articleRoot} lang={lang} speech={speech} voiceWaitMs={voiceWaitMs} />, host));
    return { host, articleRoot };
  }

  const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const button = (host: HTMLElement, index: number) => host.querySelectorAll('button')[index] as HTMLButtonElement;

  it('says no voice is installed when the voice list stays empty, instead of offering buttons', async () => {
    const speech = fakeSpeech([]);
    const { host } = await mountControls(speech);
    expect(host.textContent).toContain('readAloudLoading');
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 80)));
    expect(host.querySelector('[data-read-aloud="unavailable"]')?.textContent).toBe('readAloudNoVoice');
    expect(host.querySelector('button')).toBeNull();
  });

  it('turns the no-voice message into controls when voices arrive later', async () => {
    const speech = fakeSpeech([]);
    const { host } = await mountControls(speech);
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 80)));
    expect(host.querySelector('[data-read-aloud="unavailable"]')?.textContent).toBe('readAloudNoVoice');
    await act(() => speech.engine.installVoices([voice('Daniel', 'en-GB')]));
    expect(host.querySelector('[data-read-aloud="unavailable"]')).toBeNull();
    expect((host.querySelector('select') as HTMLSelectElement).value).toBe('Daniel#en-GB');
  });

  it('says the browser has no speech synthesis when the API is missing', async () => {
    const { host } = await mountControls(null);
    expect(host.querySelector('[data-read-aloud="unavailable"]')?.textContent).toBe('readAloudNoEngine');
    expect(browserSpeech({} as typeof globalThis)).toBeNull();
  });

  it('offers the voice matching the article language, and play/pause/resume/stop drive the reading', async () => {
    const speech = fakeSpeech([voice('Anna', 'de-DE', { default: true }), voice('Daniel', 'en-GB'), voice('Audrey', 'fr-FR')]);
    const { host, articleRoot } = await mountControls(speech, 'fr-FR');
    await settle();
    const voiceSelect = host.querySelector('select') as HTMLSelectElement;
    expect(voiceSelect.value).toBe('Audrey#fr-FR');
    expect(Array.from(voiceSelect.options).map((o) => o.textContent)).toEqual(['Audrey (fr-FR)', 'Anna (de-DE)', 'Daniel (en-GB)']);
    expect(button(host, 1).disabled).toBe(true);

    await act(() => button(host, 0).click());
    expect(button(host, 0).textContent).toBe('readAloudPause');
    expect(speech.engine.current).toMatchObject({ text: 'Storm reaches the coast', lang: 'fr-FR' });
    expect(speech.engine.current?.voice?.name).toBe('Audrey');
    expect(articleRoot.querySelector(`.${READING_CLASS}`)?.textContent).toBe('Storm reaches the coast');
    expect(host.querySelector('.bs-read-aloud [role="status"]')?.textContent).toBe('readAloudProgress 1 8');

    await act(() => speech.engine.finishCurrent());
    expect(host.querySelector('.bs-read-aloud [role="status"]')?.textContent).toBe('readAloudProgress 2 8');

    await act(() => button(host, 0).click());
    expect(button(host, 0).textContent).toBe('readAloudResume');
    expect(speech.engine.paused).toBe(true);
    await act(() => button(host, 0).click());
    expect(speech.engine.paused).toBe(false);
    expect(button(host, 0).textContent).toBe('readAloudPause');

    await act(() => button(host, 1).click());
    expect(button(host, 0).textContent).toBe('readAloudPlay');
    expect(articleRoot.querySelector(`.${READING_CLASS}`)).toBeNull();
    expect(speech.engine.queue).toHaveLength(0);
  });

  it('stops speaking when it is unmounted', async () => {
    const speech = fakeSpeech([voice('Daniel', 'en-GB')]);
    const { host } = await mountControls(speech);
    await settle();
    await act(() => button(host, 0).click());
    expect(speech.engine.queue).toHaveLength(1);
    await act(() => render(null, host));
    expect(speech.engine.queue).toHaveLength(0);
    expect(speech.engine.listenerCount).toBe(0);
  });
});
