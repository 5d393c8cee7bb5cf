import { Button, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN = 3;

/**
 * The files a screen found failing, each linking to the case file's page (registry screens name a
 * certificate instead, shown as text); the first few, the rest on demand.
 */
export function ScreenFailures({ failures, omitted }: { failures: { subject: string; label: string; reason: string }[]; omitted: number }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? failures : failures.slice(0, SHOWN);
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="screen-failures">
      {t('cp.failures', { count: failures.length + omitted })}：
      {shown.map((f, index) => (
        <span key={`${f.subject}-${index}`}>
          {index > 0 && '；'}
          {UUID.test(f.subject) ? <Link to={`/cases/${f.subject}`}>{f.label}</Link> : f.label}（{f.reason}）
        </span>
      ))}
      {!all && failures.length > SHOWN && (
        <Button type="link" size="small" style={{ fontSize: 12, padding: '0 4px' }} onClick={() => setAll(true)}>
          {t('cp.showAll')}
        </Button>
      )}
      {omitted > 0 ? ` ${t('cp.omitted', { count: omitted })}` : ''}
    </Typography.Text>
  );
}
