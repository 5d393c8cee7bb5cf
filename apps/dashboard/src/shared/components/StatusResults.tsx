import { Result } from 'antd';
import { useT } from '../../i18n/useT';
import { BackHomeButton } from './BackHomeButton';

export function ForbiddenResult() {
  const t = useT();
  return <Result status="403" title={t('page.forbidden.title')} subTitle={t('page.forbidden.description')} extra={<BackHomeButton />} />;
}

export function NotFoundResult() {
  const t = useT();
  return <Result status="404" title={t('page.notFound.title')} subTitle={t('page.notFound.description')} extra={<BackHomeButton />} />;
}
