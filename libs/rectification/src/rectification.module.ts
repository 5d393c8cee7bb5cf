import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FindingEntity } from './finding.entity.js';
import { FindingService } from './finding.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([FindingEntity])],
  providers: [FindingService],
  exports: [FindingService],
})
export class RectificationModule {}
