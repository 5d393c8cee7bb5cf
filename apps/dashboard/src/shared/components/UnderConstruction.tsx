import { ToolOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { BackHomeButton } from './BackHomeButton';

/** Placeholder for a menu entry whose screen is not built yet. */
export function UnderConstruction({ featureKey }: { featureKey: MessageKey }) {
  const t = useT();
  return (
    <Result
      icon={<ToolOutlined />}
      title={t('page.underConstruction.title')}
      subTitle={t('page.underConstruction.description', { feature: t(featureKey) })}
      extra={<BackHomeButton />}
      data-testid="under-construction"
    />
  );
}
