import { ArticleView } from '../ArticleView';
import { t } from '../i18n';
import {
  DEFAULT_PREFERENCES,
  FONT_FAMILIES,
  NUMBER_RANGES,
  POPUP_VIEWS,
  TEXT_ALIGNS,
  THEMES,
  type Preferences,
} from '../../storage/preferences';
import { SAMPLE_ARTICLE } from './sample-article';

const THEME_LABELS: Record<Preferences['theme'], string> = {
  light: 'prefThemeLight',
  dark: 'prefThemeDark',
  sepia: 'prefThemeSepia',
  system: 'prefThemeSystem',
};
const FONT_LABELS: Record<Preferences['fontFamily'], string> = {
  serif: 'prefFontSerif',
  sans: 'prefFontSans',
  dyslexia: 'prefFontDyslexia',
};
const ALIGN_LABELS: Record<Preferences['textAlign'], string> = { start: 'prefAlignStart', justify: 'prefAlignJustify' };
const VIEW_LABELS: Record<Preferences['defaultPopupView'], string> = { article: 'prefPopupArticle', saved: 'prefPopupSaved' };

interface Props {
  preferences: Preferences;
  onChange(changes: Partial<Preferences>): void;
  saveError: string | null;
}

function Choice<K extends 'theme' | 'fontFamily' | 'textAlign'>(props: {
  name: K;
  legend: string;
  values: readonly Preferences[K][];
  labels: Record<Preferences[K], string>;
  current: Preferences[K];
  onChange(changes: Partial<Preferences>): void;
}) {
  return (
    <fieldset class="bs-opt-choice">
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <label key={value} class="bs-opt-choice__option">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.current === value}
            onChange={() => props.onChange({ [props.name]: value } as Partial<Preferences>)}
          />
          <span>{t(props.labels[value])}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Slider(props: {
  name: keyof typeof NUMBER_RANGES;
  label: string;
  value: number;
  format(value: number): string;
  onChange(changes: Partial<Preferences>): void;
}) {
  const range = NUMBER_RANGES[props.name];
  const id = `pref-${props.name}`;
  return (
    <div class="bs-opt-slider">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={props.value}
        aria-valuetext={props.format(props.value)}
        onInput={(event) => props.onChange({ [props.name]: Number((event.currentTarget as HTMLInputElement).value) })}
      />
      <output for={id}>{props.format(props.value)}</output>
    </div>
  );
}

function Toggle(props: { name: 'showImages' | 'showLeadImage' | 'markReadOnOpen'; label: string; checked: boolean; onChange(changes: Partial<Preferences>): void }) {
  return (
    <label class="bs-opt-toggle">
      <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange({ [props.name]: (event.currentTarget as HTMLInputElement).checked })} />
      <span>{props.label}</span>
    </label>
  );
}

/** Reading preferences with a live preview of the sample article in the chosen settings. */
export function PreferencesForm({ preferences, onChange, saveError }: Props) {
  return (
    <div class="bs-opt-prefs">
      <form class="bs-opt-prefs__form" onSubmit={(event) => event.preventDefault()} aria-describedby="prefs-note">
        <p id="prefs-note" class="bs-opt-note">
          {t('prefsNote')}
        </p>
        <Choice name="theme" legend={t('prefTheme')} values={THEMES} labels={THEME_LABELS} current={preferences.theme} onChange={onChange} />
        <Choice name="fontFamily" legend={t('prefFont')} values={FONT_FAMILIES} labels={FONT_LABELS} current={preferences.fontFamily} onChange={onChange} />
        <Slider name="fontSize" label={t('prefFontSize')} value={preferences.fontSize} format={(value) => t('unitPx', value)} onChange={onChange} />
        <Slider name="lineHeight" label={t('prefLineHeight')} value={preferences.lineHeight} format={(value) => value.toFixed(1)} onChange={onChange} />
        <Slider name="contentWidth" label={t('prefContentWidth')} value={preferences.contentWidth} format={(value) => t('unitCharacters', value)} onChange={onChange} />
        <Choice name="textAlign" legend={t('prefTextAlign')} values={TEXT_ALIGNS} labels={ALIGN_LABELS} current={preferences.textAlign} onChange={onChange} />
        <fieldset class="bs-opt-choice">
          <legend>{t('prefImages')}</legend>
          <Toggle name="showImages" label={t('prefShowImages')} checked={preferences.showImages} onChange={onChange} />
          <Toggle name="showLeadImage" label={t('prefShowLeadImage')} checked={preferences.showLeadImage} onChange={onChange} />
        </fieldset>
        <div class="bs-opt-field">
          <label for="pref-popup-view">{t('prefPopupView')}</label>
          <select
            id="pref-popup-view"
            value={preferences.defaultPopupView}
            onChange={(event) => onChange({ defaultPopupView: (event.currentTarget as HTMLSelectElement).value as Preferences['defaultPopupView'] })}
          >
            {POPUP_VIEWS.map((view) => (
              <option key={view} value={view}>
                {t(VIEW_LABELS[view])}
              </option>
            ))}
          </select>
        </div>
        <Toggle name="markReadOnOpen" label={t('prefMarkRead')} checked={preferences.markReadOnOpen} onChange={onChange} />
        <div class="bs-opt-actions">
          <button type="button" class="bs-button" onClick={() => onChange({ ...DEFAULT_PREFERENCES })}>
            {t('prefReset')}
          </button>
        </div>
        {saveError && (
          <p class="bs-opt-error" role="alert">
            {t('prefSaveFailed', saveError)}
          </p>
        )}
      </form>
      <section class="bs-opt-preview" aria-label={t('prefPreview')}>
        <p class="bs-opt-preview__label" aria-hidden="true">
          {t('prefPreview')}
        </p>
        <div class="bs-opt-preview__page">
          <ArticleView article={SAMPLE_ARTICLE} showLeadImage={preferences.showLeadImage} showImages={preferences.showImages} />
        </div>
      </section>
    </div>
  );
}
