import { Segmented } from 'antd';
import { LOCALES, LOCALE_LABELS, type Locale } from '../../i18n/locales';
import { useLocale } from '../../i18n/useT';

/** 中文 / English. A radio group underneath, so arrow keys switch it from the keyboard. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      className={className}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((value) => ({ value, label: <span lang={value}>{LOCALE_LABELS[value]}</span> }))}
      aria-label={t('header.language')}
      data-testid="language-switch"
    />
  );
}
