import { registerEnumType } from '@nestjs/graphql';
import { FindingSeverity, FindingSource } from '@ducha/contracts';

/** The task's life (issue "The state machine"). */
export enum TaskState {
  ISSUED = 'ISSUED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** States that are neither closed nor cancelled: they count as open in the ledger. */
export const OPEN_STATES: readonly TaskState[] = [
  TaskState.ISSUED,
  TaskState.ACKNOWLEDGED,
  TaskState.IN_PROGRESS,
  TaskState.SUBMITTED,
  TaskState.RETURNED,
  TaskState.VERIFIED,
];

/** States where the department owes the next move: reminders and escalation apply to these. */
export const DEPARTMENT_TURN_STATES: readonly TaskState[] = [
  TaskState.ISSUED,
  TaskState.ACKNOWLEDGED,
  TaskState.IN_PROGRESS,
  TaskState.RETURNED,
];

export enum EscalationStep {
  REMINDER = 'REMINDER',
  URGE = 'URGE',
  INQUIRY = 'INQUIRY',
  LISTED = 'LISTED',
  CRITICIZED = 'CRITICIZED',
}

export enum WarningLevel {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}

export enum DepartmentRole {
  LEAD = 'LEAD',
  CO = 'CO',
}

/** A co-department's own progress on a task. */
export enum DepartmentStatus {
  ISSUED = 'ISSUED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  SUBMITTED = 'SUBMITTED',
}

export enum ExtensionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum NotificationKind {
  TASK_ISSUED = 'TASK_ISSUED',
  TASK_RETURNED = 'TASK_RETURNED',
  TASK_SUBMITTED = 'TASK_SUBMITTED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  TASK_CLOSED = 'TASK_CLOSED',
  TASK_REOPENED = 'TASK_REOPENED',
  REMINDER = 'REMINDER',
  ESCALATION = 'ESCALATION',
}

registerEnumType(TaskState, { name: 'RectificationState', description: '已下发, 已签收, 整改中, 已报送, 已退回, 已复查, 已销号, 已撤销' });
registerEnumType(EscalationStep, { name: 'EscalationStep', description: '提醒, 催办, 函询约谈, 挂牌督办, 通报批评' });
registerEnumType(WarningLevel, { name: 'WarningLevel', description: '绿 (on track), 黄 (≤ 3 working days left), 红 (overdue)' });
registerEnumType(DepartmentRole, { name: 'RectificationDepartmentRole', description: '牵头单位, 配合单位' });
registerEnumType(DepartmentStatus, { name: 'RectificationDepartmentStatus' });
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus' });
registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(FindingSource, { name: 'FindingSource', description: '案卷评查, 三项制度检查, 督察检查, 热线投诉, 考核, 领导批示' });
registerEnumType(FindingSeverity, { name: 'FindingSeverity' });
