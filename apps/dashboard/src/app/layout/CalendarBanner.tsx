import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { useMe } from '../auth/useAuth';

const CALENDAR_STATUS: TypedDocumentNode<{ calendarStatus: { missingYears: number[] } }, Record<string, never>> = gql`
  query CalendarStatusBanner {
    calendarStatus {
      missingYears
    }
  }
`;

/**
 * Working days are counted only on an official calendar: while this year's or next year's is
 * not loaded, a deadline that reaches into it cannot be computed. Everyone sees why; the
 * administrator gets the link to load it.
 */
export function CalendarBanner() {
  const t = useT();
  const me = useMe();
  const { data } = useQuery(CALENDAR_STATUS, { fetchPolicy: 'cache-and-network' });
  const missing = data?.calendarStatus.missingYears ?? [];
  if (missing.length === 0) return null;
  const years = missing.join('、');
  const admin = me.roles.includes(Role.ADMIN);
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      style={{ marginBottom: 12 }}
      title={admin ? t('calendarBanner.admin', { years }) : t('calendarBanner.others', { years })}
      action={admin ? <Link to="/admin/calendar">{t('calendarBanner.open')}</Link> : undefined}
    />
  );
}
