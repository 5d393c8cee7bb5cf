import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FindingSource } from '@ducha/contracts';
import { DepartmentRole, DepartmentStatus, EscalationStep, ExtensionStatus, TaskState, WarningLevel } from '../rectification.enums.js';
import { Finding } from './finding.model.js';

@ObjectType({ description: '整改任务' })
export class RectificationTask {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. 清整〔2026〕001号' }) taskNo: string;
  @Field(() => FindingSource) source: FindingSource;
  @Field(() => ID, { description: 'Lead department (牵头单位)' }) departmentId: string;
  @Field() departmentName: string;
  @Field(() => ID) issuingUnitId: string;
  @Field() issuedOn: string;
  @Field() responsiblePerson: string;
  @Field({ description: 'Required measures (整改要求)' }) requirements: string;
  @Field(() => TaskState) state: TaskState;
  @Field({ description: 'The deadline in force' }) deadline: string;
  @Field(() => WarningLevel, { nullable: true, description: 'Null once closed or cancelled' }) warningLevel: WarningLevel | null;
  @Field(() => EscalationStep, { nullable: true }) escalationStep: EscalationStep | null;
  @Field(() => String, { nullable: true }) batchId: string | null;
  @Field(() => String, { nullable: true }) closedOn: string | null;
  @Field(() => Boolean, { nullable: true }) closedOnTime: boolean | null;
  @Field(() => String, { nullable: true }) cancelReason: string | null;
  @Field(() => String, { nullable: true, description: '回头看 scheduled on' }) followUpOn: string | null;
  @Field(() => ID, { nullable: true }) submittedBy: string | null;
  @Field(() => Int) findingCount: number;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with every change' }) version: number;
}

@ObjectType()
export class TaskDepartment {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => DepartmentRole) role: DepartmentRole;
  @Field(() => DepartmentStatus) status: DepartmentStatus;
}

@ObjectType({ description: 'A deadline that was in force at some time' })
export class DeadlineEntry {
  @Field() deadline: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() setAt: Date;
}

@ObjectType()
export class Extension {
  @Field(() => ID) id: string;
  @Field() requestedDeadline: string;
  @Field() previousDeadline: string;
  @Field() reason: string;
  @Field(() => ExtensionStatus) status: ExtensionStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
}

@ObjectType()
export class EvidenceFile {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() mimeType: string;
  @Field(() => Int) size: number;
  @Field() sha256: string;
  @Field(() => ID, { nullable: true }) reportId: string | null;
  @Field({ description: 'GET this path with your token to download' }) downloadPath: string;
}

@ObjectType({ description: '整改报告' })
export class RectificationReport {
  @Field(() => ID) id: string;
  @Field(() => ID) departmentId: string;
  @Field() text: string;
  @Field() measuresTaken: string;
  @Field(() => ID) submittedBy: string;
  @Field() submittedAt: Date;
  @Field(() => String, { nullable: true }) verdict: string | null;
  @Field(() => String, { nullable: true }) verdictNote: string | null;
}

@ObjectType({ description: 'A dated escalation step and the notice it produced' })
export class Escalation {
  @Field(() => EscalationStep) step: EscalationStep;
  @Field() dueOn: string;
  @Field({ description: 'The deadline it was measured against' }) deadline: string;
  @Field() notice: string;
  @Field() occurredAt: Date;
}

@ObjectType()
export class RectificationTaskDetail {
  @Field(() => RectificationTask) task: RectificationTask;
  @Field(() => [Finding]) findings: Finding[];
  @Field(() => [TaskDepartment]) departments: TaskDepartment[];
  @Field(() => [DeadlineEntry]) deadlines: DeadlineEntry[];
  @Field(() => [Extension]) extensions: Extension[];
  @Field(() => [RectificationReport]) reports: RectificationReport[];
  @Field(() => [EvidenceFile]) files: EvidenceFile[];
  @Field(() => [Escalation]) escalations: Escalation[];
  @Field({ description: 'GET this path with your token for the notice (.docx)' }) noticePath: string;
}
