import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useRef, useState } from 'react';
import { ChangePasswordModal } from '../../features/account/ChangePasswordModal';
import { useT } from '../../i18n/useT';
import { useAuth, useMe } from '../auth/useAuth';
import styles from './AppLayout.module.css';

type UserMenuKey = 'changePassword' | 'signOut';

export function UserMenu() {
  const t = useT();
  const me = useMe();
  const { signOut } = useAuth();
  const { modal } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const items: MenuProps['items'] = [
    {
      type: 'group',
      key: 'roles',
      label: me.roles.map((role) => t(`role.${role}`)).join(' / '),
    },
    { key: 'changePassword' satisfies UserMenuKey, icon: <KeyOutlined />, label: t('header.changePassword') },
    { type: 'divider' },
    { key: 'signOut' satisfies UserMenuKey, icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];

  const openSignOutConfirm = () =>
    void modal.confirm({
      title: t('header.signOutConfirm'),
      okText: t('header.signOut'),
      cancelText: t('password.cancel'),
      onOk: signOut,
    });

  const onClick: MenuProps['onClick'] = ({ key }) => {
    // Menu items fire on Enter *keydown*. Opening a dialog inside that event lets the browser's
    // follow-up keypress activate whatever the dialog just focused (the confirm's Cancel, or an
    // implicit submit of the empty password form). So open on the next task, after first putting
    // focus back on the trigger, where dialogs restore it when they close.
    window.setTimeout(() => {
      triggerRef.current?.focus();
      if (key === 'changePassword') setChangingPassword(true);
      if (key === 'signOut') openSignOutConfirm();
    }, 0);
  };

  return (
    <>
      {/* autoFocus moves focus into the menu on open, so arrow keys and Enter work from the keyboard. */}
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight" autoFocus>
        <Button ref={triggerRef} type="text" className={styles.headerButton}>
          <UserOutlined aria-hidden />
          <span data-testid="header-user-name">{me.displayName}</span>
          <DownOutlined aria-hidden className={styles.caret} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
