import { Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { CalendarBanner } from './CalendarBanner';
import styles from './AppLayout.module.css';
import { SideMenu } from './SideMenu';

/**
 * Full-width blue header over a white side menu: the layout Chinese government back-offices
 * use, and one that fits 1366×768 with the menu open.
 */
export function AppLayout() {
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className={styles.shell}>
      <AppHeader collapsed={collapsed} onToggleCollapsed={() => setCollapsed((value) => !value)} />
      <Layout className={styles.body}>
        <Layout.Sider
          width={208}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          // Narrow windows (a split screen) fold the menu automatically.
          breakpoint="lg"
          onBreakpoint={setCollapsed}
          className={styles.sider}
        >
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
        <Layout.Content className={styles.content}>
          <CalendarBanner />
          {/* Feature screens are lazy chunks; this keeps the shell on screen while one loads. */}
          <Suspense fallback={<Spin className={styles.pageSpinner} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
