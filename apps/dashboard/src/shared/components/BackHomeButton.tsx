import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT';

/** A button, not a link wrapping a button: one tab stop and valid HTML. */
export function BackHomeButton() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('app.backHome')}
    </Button>
  );
}
