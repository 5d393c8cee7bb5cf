import {
  AimOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  SettingOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Role } from '@ducha/contracts';
import { lazy, type ComponentType, type CSSProperties } from 'react';
import type { MessageKey } from '../i18n/locales';

/** An @ant-design/icons component (or any icon taking the same basic props). */
export type IconComponent = ComponentType<{ className?: string; style?: CSSProperties }>;

/**
 * The feature registry: one entry per top-level screen. The side menu, the routes, the role
 * guards and the links on the role homes are all derived from it, so adding a screen is:
 * build `features/<key>/<Name>Page.tsx`, then set `page: lazy(() => import(...))` here.
 */
export interface FeatureEntry {
  /** First URL segment and menu key. */
  key: string;
  labelKey: MessageKey;
  icon: IconComponent;
  /** Who sees the menu entry and may open the route. */
  roles: readonly Role[];
  /** The screen; until it exists the route shows "建设中". Sub-routes live under `/<key>/*`. */
  page?: ComponentType;
}

export const FEATURES: readonly FeatureEntry[] = [
  {
    key: 'reviews',
    labelKey: 'nav.reviews',
    icon: FileSearchOutlined,
    roles: [Role.INSPECTOR, Role.DEPARTMENT_OFFICER],
    page: lazy(() => import('../features/reviews/ReviewsPage').then((m) => ({ default: m.ReviewsPage }))),
  },
  {
    key: 'compliance',
    labelKey: 'nav.compliance',
    icon: AuditOutlined,
    roles: [Role.INSPECTOR, Role.DEPARTMENT_OFFICER],
    page: lazy(() => import('../features/compliance/CompliancePage').then((m) => ({ default: m.CompliancePage }))),
  },
  {
    key: 'rectification',
    labelKey: 'nav.rectification',
    icon: FlagOutlined,
    // Leaders read the ledger; the screen itself will hide every action from them.
    roles: [Role.INSPECTOR, Role.DEPARTMENT_OFFICER, Role.LEADER],
    page: lazy(() => import('../features/rectification/RectificationPage').then((m) => ({ default: m.RectificationPage }))),
  },
  {
    key: 'results',
    labelKey: 'nav.myResults',
    icon: TrophyOutlined,
    // A department's own published review and three-systems results.
    roles: [Role.DEPARTMENT_OFFICER],
    page: lazy(() => import('../features/results/MyResultsPage').then((m) => ({ default: m.MyResultsPage }))),
  },
  {
    key: 'cases',
    labelKey: 'nav.cases',
    icon: FileTextOutlined,
    // The facts of the files reviews and screens judge (office: the region; officers: their department).
    roles: [Role.INSPECTOR, Role.DEPARTMENT_OFFICER],
    page: lazy(() => import('../features/cases/CasesPage').then((m) => ({ default: m.CasesPage }))),
  },
  {
    key: 'assessment',
    labelKey: 'nav.assessment',
    icon: AimOutlined,
    // Tabs per role: the plan (office), progress reports (departments), scores (inspectors, leaders).
    roles: [Role.ADMIN, Role.INSPECTOR, Role.DEPARTMENT_OFFICER, Role.LEADER],
    page: lazy(() => import('../features/assessment/AssessmentPage').then((m) => ({ default: m.AssessmentPage }))),
  },
  {
    key: 'cockpit',
    labelKey: 'nav.cockpit',
    icon: DashboardOutlined,
    roles: [Role.LEADER, Role.INSPECTOR],
    page: lazy(() => import('../features/cockpit/CockpitPage').then((m) => ({ default: m.CockpitPage }))),
  },
  {
    key: 'admin',
    labelKey: 'nav.admin',
    icon: SettingOutlined,
    roles: [Role.ADMIN],
    page: lazy(() => import('../features/admin/AdminPage').then((m) => ({ default: m.AdminPage }))),
  },
];

export function featuresFor(roles: readonly Role[]): FeatureEntry[] {
  return FEATURES.filter((feature) => feature.roles.some((role) => roles.includes(role)));
}

export function featuresForRole(role: Role): FeatureEntry[] {
  return featuresFor([role]);
}

/** URL slug of each role's home, `/home/<slug>`. */
export const ROLE_SLUGS: Record<Role, string> = {
  [Role.ADMIN]: 'admin',
  [Role.INSPECTOR]: 'inspector',
  [Role.DEPARTMENT_OFFICER]: 'department',
  [Role.LEADER]: 'leader',
};

/** Which home opens first for a user with several roles: daily case work before oversight. */
const HOME_ORDER: readonly Role[] = [Role.INSPECTOR, Role.DEPARTMENT_OFFICER, Role.LEADER, Role.ADMIN];

export function rolesInHomeOrder(roles: readonly Role[]): Role[] {
  return HOME_ORDER.filter((role) => roles.includes(role));
}

export function homePath(role: Role): string {
  return `/home/${ROLE_SLUGS[role]}`;
}

export function roleFromSlug(slug: string | undefined): Role | null {
  const entry = Object.entries(ROLE_SLUGS).find(([, value]) => value === slug);
  return entry ? (entry[0] as Role) : null;
}

/**
 * Where to land after sign-in: back where the session ended if this user may be there (a session
 * that expired mid-work), otherwise home, so the next user of a shared PC does not land on the
 * previous user's 403 page.
 */
export function landingPath(from: string | undefined, roles: readonly Role[]): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  const [segment, slug] = from.split(/[/?#]/).filter(Boolean);
  if (segment === undefined) return '/';
  if (segment === 'home') {
    const role = roleFromSlug(slug);
    return role && roles.includes(role) ? from : '/';
  }
  const feature = FEATURES.find((entry) => entry.key === segment);
  return feature && !featuresFor(roles).includes(feature) ? '/' : from;
}
