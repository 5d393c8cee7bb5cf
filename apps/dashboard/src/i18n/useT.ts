import { useContext } from 'react';
import type { Translate } from './locales';
import { LocaleContext, type LocaleContextValue } from './LocaleContext';

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() must be used inside <LocaleProvider>');
  return value;
}

/** The translate function of the current locale: `const t = useT(); t('nav.home')`. */
export function useT(): Translate {
  return useLocale().t;
}
