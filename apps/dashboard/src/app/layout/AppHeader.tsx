import { BankOutlined, BellOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Badge, Button, Flex, Layout, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { useMe } from '../auth/useAuth';
import styles from './AppLayout.module.css';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

interface AppHeaderProps {
  collapsed: boolean;
  onToggleCollapsed: () => void;
}

export function AppHeader({ collapsed, onToggleCollapsed }: AppHeaderProps) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();

  return (
    <Layout.Header className={styles.header}>
      <Flex align="center" gap={8} className={styles.headerLeft}>
        <Button
          type="text"
          className={styles.headerButton}
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={onToggleCollapsed}
          aria-label={t(collapsed ? 'header.expandMenu' : 'header.collapseMenu')}
          aria-expanded={!collapsed}
        />
        <Link to="/" className={styles.brand}>
          <SafetyCertificateOutlined className={styles.emblem} aria-hidden />
          <span className={styles.brandName}>{t('app.fullName')}</span>
        </Link>
      </Flex>

      <Flex align="center" gap={12} className={styles.headerRight}>
        <span className={styles.unit} title={t('header.unit')}>
          <BankOutlined aria-hidden />
          <span className={styles.unitName} data-testid="header-unit-name">
            {me.unit.name}
          </span>
        </span>
        <span className={styles.today}>{formatInShanghai(Date.now(), t('format.longDate'))}</span>
        <Tooltip title={t('header.notificationsSoon')}>
          {/* Placeholder until the notification centre lands; kept focusable so it is discoverable. */}
          <Badge count={0} size="small">
            <Button
              type="text"
              className={styles.headerButton}
              icon={<BellOutlined />}
              aria-label={t('header.notifications')}
              onClick={() => void message.info(t('header.notificationsSoon'))}
              data-testid="header-notifications"
            />
          </Badge>
        </Tooltip>
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Layout.Header>
  );
}
