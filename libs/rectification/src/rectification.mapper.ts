import type { EvidenceFileEntity } from './entities/rectification-records.entity.js';
import type { FindingEntity } from './finding.entity.js';
import type { RectificationTaskEntity } from './entities/rectification-task.entity.js';
import type { Finding } from './models/finding.model.js';
import type { EvidenceFile, RectificationTask } from './models/rectification-task.model.js';
import type { EscalationStep } from './rectification.enums.js';
import type { TaskClock } from './services/task-clock.js';

export function toFindingModel(f: FindingEntity, names: Map<string, string>): Finding {
  return { ...f, departmentName: names.get(f.departmentId) ?? '' };
}

export function toTaskModel(t: RectificationTaskEntity, departmentName: string, findingCount: number, clock: TaskClock): RectificationTask {
  return {
    id: t.id,
    taskNo: t.taskNo,
    source: t.source,
    departmentId: t.departmentId,
    departmentName,
    issuingUnitId: t.issuingUnitId,
    issuedOn: t.issuedOn,
    responsiblePerson: t.responsiblePerson,
    requirements: t.requirements,
    state: t.state,
    deadline: t.deadline,
    warningLevel: clock.level(t.state, t.deadline),
    escalationStep: t.escalationStep as EscalationStep | null,
    batchId: t.batchId,
    closedOn: t.closedOn,
    closedOnTime: t.closedOnTime,
    cancelReason: t.cancelReason,
    followUpOn: t.followUpOn,
    submittedBy: t.submittedBy,
    findingCount,
    version: t.version,
  };
}

export function toEvidenceModel(f: EvidenceFileEntity): EvidenceFile {
  return {
    id: f.id,
    fileName: f.fileName,
    mimeType: f.mimeType,
    size: f.size,
    sha256: f.sha256,
    reportId: f.reportId,
    downloadPath: `/files/rectification/${f.taskId}/${f.id}`,
  };
}
