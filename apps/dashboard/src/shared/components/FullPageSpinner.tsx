import { Flex, Spin } from 'antd';
import { useT } from '../../i18n/useT';

export function FullPageSpinner() {
  const t = useT();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
