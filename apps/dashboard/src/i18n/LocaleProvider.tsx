import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { setDayjsLocale } from '../shared/time/dayjs';
import { DEFAULT_LOCALE, isLocale, translate, type Locale, type MessageKey, type MessageParams } from './locales';
import { LocaleContext, type LocaleContextValue } from './LocaleContext';

const STORAGE_KEY = 'ducha.locale';

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked by policy; the app must still start, in Chinese.
    return DEFAULT_LOCALE;
  }
}

/** Side effects that live outside React's tree: dayjs's global locale and the <html> element. */
function applyLocale(locale: Locale): void {
  setDayjsLocale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.fullName');
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    // Applied during the first render so the very first paint of dates is already localised.
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisting the choice is acceptable; switching still works for this visit.
    }
    // Before the state change, not in an effect: the re-render it causes formats dates with
    // dayjs's global locale, which must already be the new one.
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(
    () => ({
      locale,
      setLocale,
      t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    }),
    [locale, setLocale],
  );

  return <LocaleContext value={value}>{children}</LocaleContext>;
}
