import { HomeOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { useMe } from '../auth/useAuth';
import { featuresFor, homePath, rolesInHomeOrder } from '../navigation';

type MenuItem = Required<MenuProps>['items'][number];

/** The selected entry is the first path segment, or the whole `/home/<role>` path. */
function selectedKey(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] === 'home' && segments[1]) return `/home/${segments[1]}`;
  return `/${segments[0] ?? ''}`;
}

export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  const me = useMe();
  const { pathname } = useLocation();
  const homeRoles = rolesInHomeOrder(me.roles);

  // Labels are real links: middle-click opens a new tab, and screen readers announce links.
  // Several roles: one home per role under 首页, named by role (the homes' own titles would
  // repeat feature names such as 系统管理).
  const homeItems: MenuItem[] = homeRoles.map((role) => ({
    key: homePath(role),
    label: <Link to={homePath(role)}>{t(`role.${role}`)}</Link>,
  }));
  const home: MenuItem[] =
    homeItems.length > 1
      ? [{ key: 'home', icon: <HomeOutlined />, label: t('nav.home'), children: homeItems }]
      : homeRoles.map((role) => ({
          key: homePath(role),
          icon: <HomeOutlined />,
          label: <Link to={homePath(role)}>{t('nav.home')}</Link>,
        }));

  const features: MenuItem[] = featuresFor(me.roles).map((feature) => ({
    key: `/${feature.key}`,
    icon: <feature.icon />,
    label: <Link to={`/${feature.key}`}>{t(feature.labelKey)}</Link>,
  }));

  return (
    <nav aria-label={t('app.name')}>
      <Menu
        mode="inline"
        items={[...home, ...features]}
        selectedKeys={[selectedKey(pathname)]}
        defaultOpenKeys={collapsed ? [] : ['home']}
        // Inline style: the sider draws the full-height border; the menu's own would stop where
        // its items end (and antd's selector outranks a class).
        style={{ borderInlineEnd: 'none' }}
        data-testid="side-menu"
      />
    </nav>
  );
}
