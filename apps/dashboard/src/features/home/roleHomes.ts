import { AuditOutlined, DashboardOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Role } from '@ducha/contracts';
import type { IconComponent } from '../../app/navigation';
import type { MessageKey } from '../../i18n/locales';

export interface RoleHome {
  titleKey: MessageKey;
  icon: IconComponent;
  /** One line per daily task, in the order the work is usually done. */
  taskKeys: readonly MessageKey[];
}

/** Each role's landing page. The feature links come from the registry in app/navigation.ts. */
export const ROLE_HOMES: Record<Role, RoleHome> = {
  [Role.ADMIN]: {
    titleKey: 'home.ADMIN.title',
    icon: SettingOutlined,
    taskKeys: ['home.ADMIN.task1', 'home.ADMIN.task2', 'home.ADMIN.task3', 'home.ADMIN.task4'],
  },
  [Role.INSPECTOR]: {
    titleKey: 'home.INSPECTOR.title',
    icon: AuditOutlined,
    taskKeys: ['home.INSPECTOR.task1', 'home.INSPECTOR.task2', 'home.INSPECTOR.task3', 'home.INSPECTOR.task4'],
  },
  [Role.DEPARTMENT_OFFICER]: {
    titleKey: 'home.DEPARTMENT_OFFICER.title',
    icon: TeamOutlined,
    taskKeys: [
      'home.DEPARTMENT_OFFICER.task1',
      'home.DEPARTMENT_OFFICER.task2',
      'home.DEPARTMENT_OFFICER.task3',
      'home.DEPARTMENT_OFFICER.task4',
    ],
  },
  [Role.LEADER]: {
    titleKey: 'home.LEADER.title',
    icon: DashboardOutlined,
    taskKeys: ['home.LEADER.task1', 'home.LEADER.task2', 'home.LEADER.task3'],
  },
};
