import type { Role } from '@ducha/contracts';
import { Card, Col, Divider, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../app/auth/types';
import { featuresForRole } from '../../app/navigation';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { ROLE_HOMES } from './roleHomes';
import styles from './WelcomeCard.module.css';

/** The role home for now: who you are, what this role does each day, and where to go. */
export function WelcomeCard({ role, me }: { role: Role; me: Me }) {
  const t = useT();
  const home = ROLE_HOMES[role];
  const features = featuresForRole(role);

  return (
    <Card
      data-testid="role-home-card"
      data-role={role}
      title={
        <Flex align="center" gap={8}>
          <home.icon aria-hidden />
          <h2 className={styles.title}>{t(home.titleKey)}</h2>
        </Flex>
      }
    >
      <Typography.Title level={4} className={styles.greeting}>
        {t('home.greeting', { name: me.displayName })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('home.roleAndUnit', {
          role: t(`role.${role}`),
          unit: t('home.unit', { unit: me.unit.name, kind: t(`unitKind.${me.unit.kind}`) }),
        })}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary">{t('home.today', { date: formatInShanghai(Date.now(), t('format.longDate')) })}</Typography.Text>

      <Divider titlePlacement="start">{t('home.dailyTasks')}</Divider>
      <ol className={styles.tasks} data-testid="role-home-tasks">
        {home.taskKeys.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>

      <Divider titlePlacement="start">{t('home.entries')}</Divider>
      <Row gutter={[16, 16]}>
        {features.map((feature) => (
          <Col key={feature.key} xs={12} md={8} xl={6}>
            <Link to={`/${feature.key}`} className={styles.entry} data-testid={`home-entry-${feature.key}`}>
              <feature.icon aria-hidden className={styles.entryIcon} />
              <span>{t(feature.labelKey)}</span>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
