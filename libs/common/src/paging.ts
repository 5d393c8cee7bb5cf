import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/** Offset paging with a hard cap; every list query takes these. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;
}

export function pageWindow(args: { page?: number; pageSize?: number }): { skip: number; take: number } {
  const pageSize = Math.min(Math.max(args.pageSize ?? 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(args.page ?? 1, 1);
  return { skip: (page - 1) * pageSize, take: pageSize };
}
