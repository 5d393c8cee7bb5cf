/**
 * The source dictionary. zh-CN is the product's first language, so its keys define the set every
 * other locale must provide (`en.ts` is typed against it and fails to compile when a key is
 * missing). Placeholders are `{name}`; keep them identical across locales.
 */
import { adminZhCN } from './admin.zh-CN';
import { rectZhCN } from './rect.zh-CN';
import { reviewsZhCN } from './reviews.zh-CN';
import { cockpitZhCN } from './cockpit.zh-CN';
import { complianceZhCN } from './compliance.zh-CN';
import { workZhCN } from './work.zh-CN';
import { assessmentZhCN } from './assessment.zh-CN';

export const zhCN = {
  ...adminZhCN,
  ...rectZhCN,
  ...reviewsZhCN,
  ...cockpitZhCN,
  ...complianceZhCN,
  ...workZhCN,
  ...assessmentZhCN,
  'app.name': '督察',
  'app.fullName': '督察 · 法治督察工作平台',
  'app.subtitle': '法治政府建设督察',
  'app.loading': '正在加载…',
  'app.retry': '重试',
  'app.backHome': '返回首页',
  'app.unreachable.title': '无法连接服务器',
  'app.unreachable.description': '请检查网络连接后重试；如问题持续存在，请联系系统管理员。',

  'format.longDate': 'YYYY年M月D日 dddd',
  'format.dateTime': 'YYYY-MM-DD HH:mm',

  'role.ADMIN': '系统管理员',
  'role.INSPECTOR': '执法监督人员',
  'role.DEPARTMENT_OFFICER': '部门法制联络员',
  'role.LEADER': '领导',

  'grade.EXCELLENT': '优秀',
  'grade.GOOD': '良好',
  'grade.PASS': '合格',
  'grade.FAIL': '不合格',

  'unitKind.GOVERNMENT_DEPARTMENT': '政府部门',
  'unitKind.TOWN': '乡镇/街道',
  'unitKind.VERTICAL': '垂管单位',

  'nav.home': '首页',
  'calendarBanner.admin':
    '尚未录入 {years} 年的工作日历：落在这些年份的期限无法按工作日计算，整改下发会被拒绝。请按国务院办公厅公布的放假安排录入。',
  'calendarBanner.others': '尚未录入 {years} 年的工作日历：落在这些年份的期限暂时无法计算，请联系系统管理员。',
  'calendarBanner.open': '去录入',
  'nav.reviews': '案卷评查',
  'nav.compliance': '三项制度检查',
  'nav.rectification': '整改督办',
  'nav.cockpit': '驾驶舱',
  'nav.admin': '系统管理',

  'signIn.title': '用户登录',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.usernameRequired': '请输入用户名',
  'signIn.passwordRequired': '请输入密码',
  'signIn.submit': '登录',
  'signIn.footer': '本系统仅限授权人员使用，操作全程留痕。',
  'signIn.error.wrongCredentials': '用户名或密码错误，请重新输入。',
  'signIn.error.disabled': '该账号已停用，请联系系统管理员。',
  'signIn.error.locked': '登录失败次数过多，账号已临时锁定，请在 {wait}后重试。',
  'signIn.error.lockedNoWait': '登录失败次数过多，账号已临时锁定，请稍后重试。',
  'signIn.lockEnded': '锁定已解除，可以重新登录。',

  'duration.minutesSeconds': '{m} 分 {s} 秒',
  'duration.seconds': '{s} 秒',

  'header.unit': '所属单位',
  'header.notifications': '消息通知',
  'header.notificationsSoon': '消息中心即将上线',
  'header.language': '界面语言',
  'header.changePassword': '修改密码',
  'header.signOut': '退出登录',
  'header.signOutConfirm': '确定要退出登录吗？',
  'header.collapseMenu': '收起菜单',
  'header.expandMenu': '展开菜单',

  'password.title': '修改密码',
  'password.current': '当前密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.currentRequired': '请输入当前密码',
  'password.newRequired': '请输入新密码',
  'password.newTooShort': '新密码至少 {min} 位',
  'password.newSameAsCurrent': '新密码不能与当前密码相同',
  'password.confirmRequired': '请再次输入新密码',
  'password.confirmMismatch': '两次输入的新密码不一致',
  'password.currentWrong': '当前密码不正确',
  'password.newWeak': '新密码须包含大写字母、小写字母、数字、符号中的至少三类',
  'password.changed': '密码已修改，请使用新密码重新登录。',
  'password.submit': '确定',
  'password.cancel': '取消',

  'home.greeting': '{name}，您好',
  'home.today': '今天是 {date}',
  'home.dailyTasks': '日常工作',
  'home.entries': '功能入口',
  'home.noRole.title': '账号尚未分配角色',
  'home.noRole.description': '请联系系统管理员为您的账号分配角色后重新登录。',
  'home.roleAndUnit': '{role} · {unit}',
  'home.unit': '{unit}（{kind}）',

  'home.ADMIN.title': '系统管理',
  'home.ADMIN.task1': '维护区域、部门和用户账号，为用户分配角色。',
  'home.ADMIN.task2': '维护评查标准、三项制度检查清单和考核指标体系的版本。',
  'home.ADMIN.task3': '维护工作日历：每年国务院公布放假安排后导入下一年度的节假日和调休。',
  'home.ADMIN.task4': '查看审计日志，核对系统运行状态。',

  'home.INSPECTOR.title': '评查工作台',
  'home.INSPECTOR.task1': '制定评查方案，随机抽取案卷并分配评查人员（本部门案卷一律回避）。',
  'home.INSPECTOR.task2': '对分配给自己的案卷逐项评分，处理初评分歧并完成复核。',
  'home.INSPECTOR.task3': '开展三项制度检查，核实系统自动筛查出的问题。',
  'home.INSPECTOR.task4': '下发整改通知单，复查整改报告，办理销号或退回。',

  'home.DEPARTMENT_OFFICER.title': '部门工作台',
  'home.DEPARTMENT_OFFICER.task1': '组织本部门案卷自查，按期报送自查报告。',
  'home.DEPARTMENT_OFFICER.task2': '配合三项制度检查，报送公示、全过程记录和法制审核材料。',
  'home.DEPARTMENT_OFFICER.task3': '及时签收整改通知单，按期报送整改报告和佐证材料。',
  'home.DEPARTMENT_OFFICER.task4': '关注临近期限和逾期的整改任务，确需延期的按程序申请。',

  'home.LEADER.title': '领导驾驶舱',
  'home.LEADER.task1': '查看驾驶舱：评查结果、整改进度和逾期情况实时更新。',
  'home.LEADER.task2': '关注挂牌督办、通报批评等督办事项的进展。',
  'home.LEADER.task3': '掌握各单位整改完成率、按期销号率和动态清零情况。',

  'page.underConstruction.title': '建设中',
  'page.underConstruction.description': '“{feature}”功能正在建设中，敬请期待。',
  'page.forbidden.title': '无权访问',
  'page.forbidden.description': '您的角色无权访问此页面。',
  'page.notFound.title': '页面不存在',
  'page.notFound.description': '您访问的页面不存在或已被移除。',

  'error.UNAUTHENTICATED': '登录已失效，请重新登录。',
  'error.FORBIDDEN': '您无权执行此操作。',
  'error.NOT_FOUND': '要访问的数据不存在或已被删除。',
  'error.BAD_USER_INPUT': '填写的内容有误，请检查后重新提交。',
  'error.CONFLICT': '数据已被他人修改或当前状态不允许此操作，请刷新后重试。',
  'error.TOO_MANY_REQUESTS': '操作过于频繁，请稍后重试。',
  'error.TOO_MANY_REQUESTS.wait': '操作过于频繁，请在 {wait}后重试。',
  'error.INTERNAL_SERVER_ERROR': '服务器内部错误，请稍后重试；如问题持续存在，请联系系统管理员。',
  'error.network': '网络连接失败，请检查网络后重试。',
  'error.unknown': '操作失败，请稍后重试。',
  'error.issues': '{message}（{details}）',
} as const;

export type MessageKey = keyof typeof zhCN;
