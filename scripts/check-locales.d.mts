export const BASE_LOCALE: string;
/** Every problem found, as readable lines; empty when all locales match the base. */
export function checkLocales(localesDir: string): string[];
