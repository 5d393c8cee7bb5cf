import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountByKey } from './count-by-key.model.js';

@ObjectType()
export class AssessmentQuarterScore {
  @Field(() => Int, { description: '1–4, or 0 for the annual score' }) quarter: number;
  @Field(() => Int, { description: 'Departments scored' }) departments: number;
  @Field(() => Float, { nullable: true }) meanScore: number | null;
}

@ObjectType()
export class AssessmentDepartmentScore {
  @Field(() => Int) rank: number;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Float) score: number;
}

@ObjectType({ description: 'A first-level indicator over the region’s departments: points earned of the points available' })
export class AssessmentIndicator {
  @Field() code: string;
  @Field() title: string;
  @Field(() => Float) earned: number;
  @Field(() => Float) weight: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType({ description: 'A RATE statistic (e.g. HEAD_IN_COURT) summed over the departments that reported it for a quarter' })
export class AssessmentRate {
  @Field(() => Int) quarter: number;
  @Field() key: string;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Int) departments: number;
}

@ObjectType()
export class LateMeasure {
  @Field(() => ID) measureId: string;
  @Field({ description: 'Key task and measure code' }) code: string;
  @Field() title: string;
  @Field() leadUnitName: string;
  @Field() status: string;
  @Field() deadline: string;
  @Field(() => Int) daysLate: number;
}

@ObjectType({ description: 'Target management and assessment for the period’s year' })
export class CockpitAssessment {
  @Field(() => Int) year: number;
  @Field(() => Int, {
    nullable: true,
    description: 'The quarter the ranking and indicators are of (0 = annual); null if none is scored yet',
  })
  quarter: number | null;
  @Field(() => [AssessmentQuarterScore]) scores: AssessmentQuarterScore[];
  @Field(() => [AssessmentDepartmentScore], { description: 'The ten best departments of that quarter' })
  ranking: AssessmentDepartmentScore[];
  @Field(() => [AssessmentIndicator]) indicators: AssessmentIndicator[];
  @Field(() => [AssessmentRate], { description: 'Every quarter of the year' }) rates: AssessmentRate[];
  @Field(() => [CountByKey], { description: 'Measures of the year’s plan by status (NOT_STARTED, IN_PROGRESS, DONE)' })
  measures: CountByKey[];
  @Field(() => Int, { description: 'Measures past their deadline and not done' }) measuresLate: number;
  @Field(() => [LateMeasure], { description: 'The 20 latest of them' }) lateMeasures: LateMeasure[];
}
