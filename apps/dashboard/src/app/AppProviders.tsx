import { ApolloProvider } from '@apollo/client/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { LocaleProvider } from '../i18n/LocaleProvider';
import { useLocale } from '../i18n/useT';
import { apolloClient } from './apollo/client';
import { AuthProvider } from './auth/AuthProvider';
import { appTheme } from './theme';

/** Ant Design follows the UI language (pagination, date pickers, empty states, modals). */
function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={appTheme}>
      {/* <App> gives message/modal/notification that inherit theme and locale (App.useApp()). */}
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <AntdProvider>
        <ApolloProvider client={apolloClient}>
          <AuthProvider>{children}</AuthProvider>
        </ApolloProvider>
      </AntdProvider>
    </LocaleProvider>
  );
}
