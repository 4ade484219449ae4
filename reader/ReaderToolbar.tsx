import type { Preferences, Theme } from '../src/storage/preferences';
import { t } from '../src/ui/i18n';
import { nextTheme, stepPreference, type SteppedPreference } from './keys';

const THEME_LABELS: Record<Theme, string> = {
  light: 'prefThemeLight',
  dark: 'prefThemeDark',
  sepia: 'prefThemeSepia',
  system: 'prefThemeSystem',
};

export function themeLabel(theme: Theme): string {
  return t(THEME_LABELS[theme]);
}

interface StepperProps {
  name: SteppedPreference;
  label: string;
  less: string;
  more: string;
  /** Visible glyphs of the two buttons; their names come from `less` and `more`. */
  glyphs: [string, string];
  preferences: Preferences;
  change(changes: Partial<Preferences>): void;
}

/** A labelled pair of buttons moving one numeric preference a step down or up; a button at its limit is disabled. */
function Stepper({ name, label, less, more, glyphs, preferences, change }: StepperProps) {
  const down = stepPreference(preferences, name, -1);
  const up = stepPreference(preferences, name, 1);
  return (
    <div class="reader__stepper" role="group" aria-label={label} data-setting={name}>
      <span class="reader__stepper-label" aria-hidden="true">
        {label}
      </span>
      {/* The name is the words (hidden), not the glyphs: "A+" read aloud says nothing, and a name that differs from
          the visible text confuses speech input. */}
      <button type="button" class="bs-button reader__step" title={less} disabled={down === null} data-step="-1" onClick={() => down !== null && change({ [name]: down })}>
        <span aria-hidden="true">{glyphs[0]}</span>
        <span class="bs-visually-hidden">{less}</span>
      </button>
      <button type="button" class="bs-button reader__step" title={more} disabled={up === null} data-step="1" onClick={() => up !== null && change({ [name]: up })}>
        <span aria-hidden="true">{glyphs[1]}</span>
        <span class="bs-visually-hidden">{more}</span>
      </button>
    </div>
  );
}

/** Text size, theme, line length and line spacing: every change goes through the preferences module, so the popup and the options page follow. */
export function ReaderToolbar({ preferences, change }: { preferences: Preferences; change(changes: Partial<Preferences>): void }) {
  return (
    <div class="reader__tools" role="group" aria-label={t('readerControls')}>
      <Stepper name="fontSize" label={t('readerTextSize')} less={t('readerSmaller')} more={t('readerLarger')} glyphs={['A−', 'A+']} preferences={preferences} change={change} />
      <button type="button" class="bs-button reader__theme" data-theme-value={preferences.theme} onClick={() => change({ theme: nextTheme(preferences.theme) })}>
        {t('readerTheme', themeLabel(preferences.theme))}
      </button>
      <Stepper name="contentWidth" label={t('readerWidth')} less={t('readerNarrower')} more={t('readerWider')} glyphs={['−', '+']} preferences={preferences} change={change} />
      <Stepper name="lineHeight" label={t('readerLineSpacing')} less={t('readerTighter')} more={t('readerLooser')} glyphs={['−', '+']} preferences={preferences} change={change} />
    </div>
  );
}
