import type { ErrorCode } from '@ducha/contracts';
import { useCallback } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useLocale } from '../../i18n/useT';
import { errorMessage } from './errorMessage';

/** `errorMessage` bound to the current UI language. */
export function useErrorMessage(): (error: unknown, overrides?: Partial<Record<ErrorCode, MessageKey>>) => string {
  const { locale } = useLocale();
  return useCallback((error, overrides) => errorMessage(error, { locale, overrides }), [locale]);
}
