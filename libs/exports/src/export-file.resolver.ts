import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@ducha/common';
import { RequestExportInput } from './dto/request-export.input.js';
import { ExportFileService } from './export-file.service.js';
import { toExportJobModel } from './export-file.mapper.js';
import { ExportJob } from './models/export-job.model.js';

@Resolver(() => ExportJob)
export class ExportFileResolver {
  constructor(private readonly exports: ExportFileService) {}

  @Mutation(() => ExportJob, { description: 'Queues a file to build; bad input or an object you may not read is refused at once' })
  async requestExport(@CurrentActor() actor: Actor, @Args('input') input: RequestExportInput): Promise<ExportJob> {
    const { kind, ...params } = input;
    return toExportJobModel(await this.exports.request(actor, kind, params));
  }

  @Query(() => ExportJob, { description: 'An export you asked for (nobody else’s)' })
  async exportJob(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ExportJob> {
    return toExportJobModel(await this.exports.status(actor, id));
  }
}
