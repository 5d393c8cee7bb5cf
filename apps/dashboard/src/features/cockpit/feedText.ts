import type { DomainEvent } from '@ducha/contracts';
import type { MessageKey, Translate } from '../../i18n/locales';

/** Rectification events: "区市场监管局 提交了整改报告（ZG-2026-0001）". */
const TASK_LINES: Record<string, MessageKey> = {
  'rectification.issued': 'ck.feed.issued',
  'rectification.acknowledged': 'ck.feed.acknowledged',
  'rectification.started': 'ck.feed.started',
  'rectification.submitted': 'ck.feed.submitted',
  'rectification.returned': 'ck.feed.returned',
  'rectification.verified': 'ck.feed.verified',
  'rectification.closed': 'ck.feed.closed',
  'rectification.cancelled': 'ck.feed.cancelled',
  'rectification.escalated': 'ck.feed.escalated',
  'rectification.reopened': 'ck.feed.reopened',
};
/** Other events worth a line, prefixed with the department when the event names one. */
const OTHER_LINES: Record<string, MessageKey> = {
  'scoresheet.submitted': 'ck.feed.scoresheetSubmitted',
  'review.drawn': 'ck.feed.reviewDrawn',
  'review.assigned': 'ck.feed.reviewAssigned',
  'review.finalized': 'ck.feed.reviewFinalized',
  'bulletin.published': 'ck.feed.bulletinPublished',
  'compliance.checked': 'ck.feed.complianceChecked',
  'compliance.published': 'ck.feed.compliancePublished',
  'assessment.published': 'ck.feed.assessmentPublished',
};

/** Whether the live feed has a line for this event. */
export function inFeed(event: DomainEvent): boolean {
  return event.type in TASK_LINES || event.type in OTHER_LINES;
}

/** One line of the live feed in the current language (department names are data and stay as they are). */
export function feedText(event: DomainEvent, t: Translate): string | null {
  const payload = event.payload as unknown as Record<string, unknown>;
  const task = TASK_LINES[event.type];
  if (task) return t(task, { department: String(payload.departmentName ?? ''), taskNo: String(payload.taskNo ?? '') });
  const other = OTHER_LINES[event.type];
  if (!other) return null;
  return typeof payload.departmentName === 'string'
    ? t('ck.feed.ofDepartment', { department: payload.departmentName, text: t(other) })
    : t(other);
}
