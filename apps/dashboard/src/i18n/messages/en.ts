import { adminEn } from './admin.en';
import { rectEn } from './rect.en';
import { reviewsEn } from './reviews.en';
import { cockpitEn } from './cockpit.en';
import { complianceEn } from './compliance.en';
import { workEn } from './work.en';
import { assessmentEn } from './assessment.en';
import type { MessageKey } from './zh-CN';

/** English UI text. Typed against the zh-CN keys so a missing or stray key fails the build. */
export const en: Record<MessageKey, string> = {
  ...adminEn,
  ...rectEn,
  ...reviewsEn,
  ...cockpitEn,
  ...complianceEn,
  ...workEn,
  ...assessmentEn,
  'app.name': 'Ducha',
  'app.fullName': 'Ducha · Rule-of-Law Supervision Platform',
  'app.subtitle': 'Rule-of-law government supervision',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.backHome': 'Back to home',
  'app.unreachable.title': 'Cannot reach the server',
  'app.unreachable.description': 'Check the network and try again. If it persists, contact the administrator.',

  'format.longDate': 'dddd, MMMM D, YYYY',
  'format.dateTime': 'YYYY-MM-DD HH:mm',

  'role.ADMIN': 'Administrator',
  'role.INSPECTOR': 'Inspector',
  'role.DEPARTMENT_OFFICER': 'Department liaison officer',
  'role.LEADER': 'Leader',

  'grade.EXCELLENT': 'Excellent',
  'grade.GOOD': 'Good',
  'grade.PASS': 'Pass',
  'grade.FAIL': 'Fail',

  'unitKind.GOVERNMENT_DEPARTMENT': 'Government department',
  'unitKind.TOWN': 'Town / subdistrict',
  'unitKind.VERTICAL': 'Vertically managed unit',

  'nav.home': 'Home',
  'calendarBanner.admin':
    "The working-day calendar for {years} is not loaded: deadlines that fall in those years cannot be counted in working days, and issuing such tasks is refused. Enter the State Council's holiday arrangements.",
  'calendarBanner.others':
    'The working-day calendar for {years} is not loaded: deadlines that fall in those years cannot be computed yet. Please contact the administrator.',
  'calendarBanner.open': 'Enter it',
  'nav.reviews': 'Case-file review',
  'nav.compliance': 'Three systems',
  'nav.rectification': 'Rectification',
  'nav.cockpit': 'Cockpit',
  'nav.admin': 'Administration',

  'signIn.title': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.usernameRequired': 'Enter your username',
  'signIn.passwordRequired': 'Enter your password',
  'signIn.submit': 'Sign in',
  'signIn.footer': 'For authorised staff only. Every action is recorded.',
  'signIn.error.wrongCredentials': 'Wrong username or password.',
  'signIn.error.disabled': 'This account is disabled. Contact the administrator.',
  'signIn.error.locked': 'Too many failed attempts. The account is locked; try again in {wait}.',
  'signIn.error.lockedNoWait': 'Too many failed attempts. The account is locked; try again later.',
  'signIn.lockEnded': 'The lock has ended; you can sign in again.',

  'duration.minutesSeconds': '{m} min {s} s',
  'duration.seconds': '{s} s',

  'header.unit': 'Unit',
  'header.notifications': 'Notifications',
  'header.notificationsSoon': 'The notification centre is coming soon',
  'header.language': 'Language',
  'header.changePassword': 'Change password',
  'header.signOut': 'Sign out',
  'header.signOutConfirm': 'Sign out now?',
  'header.collapseMenu': 'Collapse menu',
  'header.expandMenu': 'Expand menu',

  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.currentRequired': 'Enter your current password',
  'password.newRequired': 'Enter a new password',
  'password.newTooShort': 'At least {min} characters',
  'password.newSameAsCurrent': 'The new password must differ from the current one',
  'password.confirmRequired': 'Enter the new password again',
  'password.confirmMismatch': 'The two new passwords do not match',
  'password.currentWrong': 'The current password is wrong',
  'password.newWeak': 'Use at least three of: lower case, upper case, digits, symbols',
  'password.changed': 'Password changed. Sign in again with the new password.',
  'password.submit': 'OK',
  'password.cancel': 'Cancel',

  'home.greeting': 'Hello, {name}',
  'home.today': 'Today is {date}',
  'home.dailyTasks': 'Daily work',
  'home.entries': 'Go to',
  'home.noRole.title': 'No role assigned',
  'home.noRole.description': 'Ask the administrator to assign a role to your account, then sign in again.',
  'home.roleAndUnit': '{role} · {unit}',
  'home.unit': '{unit} ({kind})',

  'home.ADMIN.title': 'Administration',
  'home.ADMIN.task1': 'Maintain regions, departments and user accounts; assign roles.',
  'home.ADMIN.task2': 'Maintain versions of rubrics, three-systems checklists and indicator frameworks.',
  'home.ADMIN.task3': 'Maintain the working-day calendar: load next year’s holidays and make-up days once published.',
  'home.ADMIN.task4': 'Review the audit log and the system’s health.',

  'home.INSPECTOR.title': 'Inspector workbench',
  'home.INSPECTOR.task1': 'Plan review campaigns, draw case files at random and assign reviewers (own department recused).',
  'home.INSPECTOR.task2': 'Score the case files assigned to you and settle disputes by re-check.',
  'home.INSPECTOR.task3': 'Check the three enforcement systems and confirm the findings of automatic screening.',
  'home.INSPECTOR.task4': 'Issue rectification notices, verify reports, close out or return.',

  'home.DEPARTMENT_OFFICER.title': 'Department workbench',
  'home.DEPARTMENT_OFFICER.task1': 'Self-check the department’s case files and submit the self-check report on time.',
  'home.DEPARTMENT_OFFICER.task2': 'Provide disclosure, recording and legal-review material for the three-systems check.',
  'home.DEPARTMENT_OFFICER.task3': 'Acknowledge rectification notices and submit reports with evidence on time.',
  'home.DEPARTMENT_OFFICER.task4': 'Watch tasks near or past their deadline; request an extension where justified.',

  'home.LEADER.title': 'Leader cockpit',
  'home.LEADER.task1': 'Watch the cockpit: review results, rectification progress and overdue tasks, live.',
  'home.LEADER.task2': 'Follow listed supervision and criticised cases.',
  'home.LEADER.task3': 'Track each unit’s completion rate, on-time close-out rate and clear-down.',

  'page.underConstruction.title': 'Under construction',
  'page.underConstruction.description': '“{feature}” is under construction.',
  'page.forbidden.title': 'No access',
  'page.forbidden.description': 'Your role may not open this page.',
  'page.notFound.title': 'Page not found',
  'page.notFound.description': 'The page does not exist or has been removed.',

  'error.UNAUTHENTICATED': 'Your session has ended. Please sign in again.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'The data does not exist or has been deleted.',
  'error.BAD_USER_INPUT': 'Some input is invalid. Check it and submit again.',
  'error.CONFLICT': 'Someone else changed this, or its state does not allow it. Refresh and try again.',
  'error.TOO_MANY_REQUESTS': 'Too many requests. Try again later.',
  'error.TOO_MANY_REQUESTS.wait': 'Too many requests. Try again in {wait}.',
  'error.INTERNAL_SERVER_ERROR': 'Server error. Try again later; if it persists, contact the administrator.',
  'error.network': 'Network error. Check the connection and try again.',
  'error.unknown': 'The operation failed. Try again later.',
  'error.issues': '{message} ({details})',
};
