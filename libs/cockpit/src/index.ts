export { CockpitModule } from './cockpit.module.js';
export { CockpitService } from './cockpit.service.js';
export { CockpitRebuildService } from './cockpit-rebuild.service.js';
export { CockpitProjector } from './cockpit.projector.js';
export { Cockpit, CockpitKpis, DepartmentFigures, OverdueTask, TrendPoint, CountByKey } from './models/cockpit.model.js';
export {
  CockpitAssessment,
  AssessmentDepartmentScore,
  AssessmentIndicator,
  AssessmentQuarterScore,
  AssessmentRate,
  LateMeasure,
} from './models/cockpit-assessment.model.js';
export { recomputeCockpit } from './recompute-cockpit.js';
