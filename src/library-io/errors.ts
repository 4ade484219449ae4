import { t } from '../ui/i18n';

/** Why a file was refused. Each code has a message key `importError_<code>` in _locales. */
export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'unknown-format'
  | 'not-json'
  | 'truncated'
  | 'foreign'
  | 'wrong-version'
  | 'invalid-article'
  | 'duplicate'
  | 'pocket-empty'
  | 'pocket-bad-rows';

/** A refusal the reader can act on: `message` says what is wrong, in the reader's language. */
export interface ImportFailure {
  ok: false;
  code: ImportErrorCode;
  message: string;
}

const MESSAGE_KEYS: Record<ImportErrorCode, string> = {
  empty: 'importError_empty',
  'too-large': 'importError_tooLarge',
  'unknown-format': 'importError_unknownFormat',
  'not-json': 'importError_notJson',
  truncated: 'importError_truncated',
  foreign: 'importError_foreign',
  'wrong-version': 'importError_wrongVersion',
  'invalid-article': 'importError_invalidArticle',
  duplicate: 'importError_duplicate',
  'pocket-empty': 'importError_pocketEmpty',
  'pocket-bad-rows': 'importError_pocketBadRows',
};

export function importFailure(code: ImportErrorCode, ...details: Array<string | number>): ImportFailure {
  return { ok: false, code, message: t(MESSAGE_KEYS[code], ...details) };
}
