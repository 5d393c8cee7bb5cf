export { RectificationModule } from './rectification.module.js';
export { FindingService } from './finding.service.js';
export { FindingEntity } from './finding.entity.js';
