/**
 * The realtime contract (DESIGN.md "Realtime contract"). Every state change records one event in
 * the outbox inside its own transaction; the relay gives it a gap-free `seq` in commit order.
 * Add a type here with its payload before emitting it: emitters are typed by this map. Payloads
 * carry what the cockpit's read model and the live screens need, so consumers never query back.
 */
export interface EventScope {
  /** Materialised path of region ids from the root, e.g. `/1/7/42/`. */
  regionPath: string;
  /** The department the event concerns, or null for region-wide events. */
  departmentId: string | null;
}

/** Foundation: organisation, calendar, long-running work. */
export interface FoundationEventPayloads {
  'org.unit_changed': { unitId: string; name: string };
  'org.user_changed': { userId: string; username: string };
  'org.imported': { kind: 'UNITS' | 'USERS' | 'OFFICERS'; rows: number };
  'calendar.year_changed': { year: number };
  /**
   * A long operation's progress. With `userId` (an export) it is that user's alone: only they
   * receive it, whatever its scope.
   */
  'import.progressed': {
    importId: string;
    kind: string;
    done: number;
    total: number;
    finished: boolean;
    failed?: boolean;
    userId?: string;
  };
}

/** Case-file review (issue: case review). */
export interface ReviewEventPayloads {
  'review.drawn': { campaignId: string; campaignName: string; files: number; departments: number; seed: string };
  'review.assigned': { campaignId: string; sheets: number; reviewerIds: string[] };
  'scoresheet.submitted': {
    campaignId: string;
    caseFileId: string;
    departmentId: string;
    reviewerId: string;
    score: number;
    grade: string;
  };
  /** A file's result is final (mean of its sheets or the re-check): the cockpit counts it here. */
  'review.file_scored': {
    campaignId: string;
    caseFileId: string;
    departmentId: string;
    caseType: string;
    score: number;
    grade: string;
    passed: boolean;
    scoredAt: string;
  };
  'review.rechecked': { campaignId: string; caseFileId: string; departmentId: string; score: number; grade: string };
  'review.finalized': { campaignId: string; campaignName: string; year: number };
  'bulletin.published': { campaignId: string; campaignName: string; year: number };
}

/** Three enforcement systems checks. */
export interface ComplianceEventPayloads {
  'compliance.screened': { roundId: string | null; departmentId: string | null; screens: number; failingCases: number };
  'compliance.checked': { roundId: string; departmentId: string; score: number; grade: string };
  'compliance.finalized': { roundId: string; roundName: string };
  /** One per checked department, scoped to it: the department learns its own result, and only its own. */
  'compliance.published': {
    roundId: string;
    roundName: string;
    departmentId: string;
    departmentName: string;
    score: number;
    grade: string;
  };
  /** Live rates per department from the standing screen (cockpit). */
  'compliance.rates_updated': {
    departmentId: string;
    year: number;
    disclosureOnTime: { passed: number; total: number };
    legalReviewCoverage: { passed: number; total: number };
    avFiled: { passed: number; total: number };
  };
}

/** Rectification. Every transition carries the task's state before and after and its deadline. */
export interface RectificationTransition {
  taskId: string;
  taskNo: string;
  departmentId: string;
  departmentName: string;
  from: string | null;
  to: string;
  deadline: string;
  source: string;
  actorName: string;
}

export interface RectificationEventPayloads {
  'rectification.issued': RectificationTransition & { findings: number };
  'rectification.acknowledged': RectificationTransition;
  /** ACKNOWLEDGED or RETURNED → IN_PROGRESS: the department starts (or resumes) the work. */
  'rectification.started': RectificationTransition;
  'rectification.submitted': RectificationTransition;
  'rectification.returned': RectificationTransition & { reason: string };
  'rectification.extension_requested': RectificationTransition & { requestedDeadline: string };
  'rectification.extension_decided': RectificationTransition & { approved: boolean; previousDeadline: string };
  'rectification.verified': RectificationTransition;
  'rectification.closed': RectificationTransition & { onTime: boolean };
  'rectification.cancelled': RectificationTransition & { reason: string };
  'rectification.escalated': RectificationTransition & { step: string };
  'rectification.reopened': RectificationTransition;
  /** A co-department (配合单位) acknowledged or reported its own part; the task's state does not move. */
  'rectification.co_department_progressed': RectificationTransition & {
    coDepartmentId: string;
    coDepartmentName: string;
    status: 'ACKNOWLEDGED' | 'SUBMITTED';
  };
  'notification.created': { notificationId: string; userId: string; title: string; kind: string };
}

/** Target management and assessment. */
export interface AssessmentEventPayloads {
  'assessment.reported': { departmentId: string; year: number; quarter: number };
  'assessment.scored': { departmentId: string; year: number; quarter: number | null; score: number };
  'assessment.published': { year: number; quarter: number | null };
  'measure.progressed': { measureId: string; departmentId: string; status: string };
  'measure.overdue': { measureId: string; departmentId: string; deadline: string };
}

export interface DomainEventPayloads
  extends FoundationEventPayloads, ReviewEventPayloads, ComplianceEventPayloads, RectificationEventPayloads, AssessmentEventPayloads {}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  seq: number;
  type: T;
  /** ISO timestamp of the commit that produced the event. */
  at: string;
  scope: EventScope;
  payload: DomainEventPayloads[T];
}
