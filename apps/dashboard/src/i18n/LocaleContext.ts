import { createContext } from 'react';
import type { Locale, Translate } from './locales';

export interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

// Kept apart from the provider component so React Fast Refresh can hot-swap the provider file.
export const LocaleContext = createContext<LocaleContextValue | null>(null);
