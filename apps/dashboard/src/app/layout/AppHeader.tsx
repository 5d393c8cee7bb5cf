import { BankOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Flex, Layout } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { useMe } from '../auth/useAuth';
import styles from './AppLayout.module.css';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

interface AppHeaderProps {
  collapsed: boolean;
  onToggleCollapsed: () => void;
}

export function AppHeader({ collapsed, onToggleCollapsed }: AppHeaderProps) {
  const t = useT();
  const me = useMe();

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
        <NotificationBell className={styles.headerButton} />
        <LanguageSwitch />
        <UserMenu />
      </Flex>
    </Layout.Header>
  );
}
