export { AssessmentModule } from './assessment.module.js';
export { FrameworkService } from './framework.service.js';
export { PlanService, writePlan, type PlanRow, type PlanImportReport } from './plan.service.js';
export { StatisticsService, insertStatistics, type StatisticItem } from './statistics.service.js';
export { AssessmentScoringService } from './assessment-scoring.service.js';
export { AssessmentExportService, type AssessmentExportFile, type AssessmentPeriod } from './assessment-export.service.js';
export { computeDataRates, computeReportedRates, type DataRates } from './data-indicators.js';
export { checkFramework, leaves, rateKeys, periodOf, DATA_KEYS } from './framework.js';
export { DEMO_FRAMEWORK } from './demo-framework.js';
