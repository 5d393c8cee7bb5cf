import type { ThemeConfig } from 'antd';

/** Deep "government blue" used by the header and the sign-in page. */
export const BRAND_DARK = '#0b3a82';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1456b8',
    borderRadius: 4,
    // Chinese UI fonts first: Windows offices (Microsoft YaHei) and domestic OSes (Noto / Source Han).
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: BRAND_DARK,
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f0f2f5',
    },
  },
};
