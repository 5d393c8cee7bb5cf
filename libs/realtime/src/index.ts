export { RealtimeModule } from './realtime.module.js';
export { OutboxService } from './outbox.service.js';
export { OutboxEventEntity } from './outbox-event.entity.js';
