import type { DomainEvent } from '@ducha/contracts';

const RECT_VERBS: Record<string, string> = {
  'rectification.issued': '收到整改通知',
  'rectification.acknowledged': '签收了整改通知',
  'rectification.started': '开始整改',
  'rectification.submitted': '提交了整改报告',
  'rectification.returned': '的整改报告被退回',
  'rectification.verified': '的整改通过复查',
  'rectification.closed': '的整改任务已销号',
  'rectification.cancelled': '的整改任务已撤销',
  'rectification.escalated': '的整改任务被升级督办',
  'rectification.reopened': '的整改任务被重新打开',
};
const OTHER: Record<string, string> = {
  'scoresheet.submitted': '评查人员提交了一份案卷评分',
  'review.drawn': '评查方案完成随机抽取',
  'review.assigned': '评查方案完成人员分配',
  'review.finalized': '评查结果已确定',
  'bulletin.published': '评查通报已发布',
  'compliance.checked': '完成一个部门的三项制度检查',
  'compliance.published': '三项制度检查结果已发布',
  'assessment.published': '法治考核结果已发布',
};

/** "区市场监管局 提交了整改报告": one line of the live feed, in Chinese. */
export function feedText(event: DomainEvent): string | null {
  const payload = event.payload as unknown as Record<string, unknown>;
  const verb = RECT_VERBS[event.type];
  if (verb) return `${String(payload.departmentName ?? '')} ${verb}（${String(payload.taskNo ?? '')}）`;
  const other = OTHER[event.type];
  if (other) return typeof payload.departmentName === 'string' ? `${payload.departmentName}：${other}` : other;
  return null;
}
