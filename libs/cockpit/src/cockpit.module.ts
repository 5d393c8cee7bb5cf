import { Module } from '@nestjs/common';
import { OrgModule } from '@ducha/org';
import { CockpitRebuildService } from './cockpit-rebuild.service.js';
import { CockpitProjector } from './cockpit.projector.js';
import { CockpitResolver } from './cockpit.resolver.js';
import { CockpitService } from './cockpit.service.js';

/** The projector and the rebuild job (every process that runs the relay or jobs); the query (the api). */
@Module({
  imports: [OrgModule],
  providers: [CockpitProjector, CockpitRebuildService, CockpitService, CockpitResolver],
  exports: [CockpitService, CockpitRebuildService],
})
export class CockpitModule {}
