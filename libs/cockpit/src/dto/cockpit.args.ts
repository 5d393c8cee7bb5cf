import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '@ducha/common';
import { IsUUID, Matches } from 'class-validator';

/** One region and one period (a year `2026` or a month `2026-03`); paging applies to the per-department lists. */
@ArgsType()
export class CockpitArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  regionId: string;

  @Field({ description: 'A year (2026) or a month (2026-03)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY or YYYY-MM' })
  period: string;
}
