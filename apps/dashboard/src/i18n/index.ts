export { LocaleProvider } from './LocaleProvider';
export { useLocale, useT } from './useT';
export { LOCALES, LOCALE_LABELS, DEFAULT_LOCALE, translate, isLocale } from './locales';
export type { Locale, MessageKey, MessageParams, Translate } from './locales';
