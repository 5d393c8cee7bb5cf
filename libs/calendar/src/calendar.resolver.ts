import { Args, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CurrentActor, Roles, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { GraphQLJSON } from '@ducha/common';
import { CalendarService } from './calendar.service.js';

@ObjectType()
export class CalendarYear {
  @Field(() => Int) year: number;
  @Field(() => [String], { description: 'Public holidays (days off), YYYY-MM-DD' }) holidays: string[];
  @Field(() => [String], { description: 'Weekend days that are working days (调休)' }) makeUpWorkdays: string[];
  @Field(() => GraphQLJSON, { description: 'Holiday name per date' }) names: Record<string, string>;
  @Field() source: string;
  @Field(() => Int) version: number;
}

@ObjectType()
export class CalendarStatus {
  @Field(() => [Int]) knownYears: number[];
  @Field(() => [Int], { description: 'This year and next if missing: deadlines reaching into them cannot be computed' })
  missingYears: number[];
}

@InputType()
export class CalendarYearInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => [String])
  @ArrayMaxSize(120)
  @IsString({ each: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'holidays must be dates YYYY-MM-DD' })
  holidays: string[];
  @Field(() => [String])
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'makeUpWorkdays must be dates YYYY-MM-DD' })
  makeUpWorkdays: string[];
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() @IsObject() names?: Record<string, string>;
}

@ObjectType()
export class WorkingDayAnswer {
  @Field() date: string;
  @Field(() => Int) workingDays: number;
}

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Query(() => [CalendarYear], { description: 'The official working-day calendar, year by year' })
  calendarYears(): Promise<CalendarYear[]> {
    return this.calendar.list();
  }

  @Query(() => CalendarStatus)
  async calendarStatus(): Promise<CalendarStatus> {
    const knownYears = (await this.calendar.calendar()).knownYears();
    const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    return { knownYears, missingYears: [thisYear, thisYear + 1].filter((y) => !knownYears.includes(y)) };
  }

  @Query(() => WorkingDayAnswer, { description: 'The date n working days after `date` (deadline preview)' })
  async addWorkingDays(@Args('date') date: string, @Args('n', { type: () => Int }) n: number): Promise<WorkingDayAnswer> {
    return { date: await this.calendar.addWorkingDays(date, n), workingDays: n };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CalendarYear, { description: 'Adds or replaces a year of the official calendar' })
  upsertCalendarYear(@CurrentActor() actor: Actor, @Args('input') input: CalendarYearInput): Promise<CalendarYear> {
    return this.calendar.upsertYear(actor, input);
  }
}
