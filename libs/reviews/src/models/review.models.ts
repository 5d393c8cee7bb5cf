import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '@ducha/common';
import { CampaignStage } from '../entities/review-campaign.entity.js';
import { ReviewFileStatus } from '../entities/review-file.entity.js';
import { SheetKind, SheetStatus } from '../entities/score-sheet.entity.js';

registerEnumType(CampaignStage, { name: 'CampaignStage', description: '评查活动阶段' });
registerEnumType(ReviewFileStatus, { name: 'ReviewFileStatus' });
registerEnumType(SheetKind, { name: 'SheetKind', description: 'INITIAL 初评, RECHECK 复核' });
registerEnumType(SheetStatus, { name: 'SheetStatus' });

@ObjectType({ description: '评查标准 (one version)' })
export class Rubric {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() version: string;
  @Field() name: string;
  @Field() formula: string;
  @Field(() => [String]) caseTypes: string[];
  @Field(() => GraphQLJSON) template: unknown;
}

@ObjectType()
export class RubricPage {
  @Field(() => [Rubric]) items: Rubric[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class RecheckRuleModel {
  @Field() belowFailLine: boolean;
  @Field() differentGrades: boolean;
  @Field(() => Float, { nullable: true }) maxSpread: number | null;
}

@ObjectType({ description: '评查活动' })
export class ReviewCampaign {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int) year: number;
  @Field() periodFrom: string;
  @Field() periodTo: string;
  @Field(() => [String]) caseTypes: string[];
  @Field(() => [ID]) departmentIds: string[];
  @Field(() => GraphQLJSON, { description: 'Rubric id per case type' }) rubricIds: Record<string, string>;
  @Field(() => Int) filesPerDepartment: number;
  @Field(() => Int) reviewersPerFile: number;
  @Field(() => [ID]) reviewerIds: string[];
  @Field(() => RecheckRuleModel) recheckRule: RecheckRuleModel;
  @Field(() => CampaignStage) stage: CampaignStage;
  @Field(() => String, { nullable: true }) seed: string | null;
  @Field(() => Date, { nullable: true }) drawnAt: Date | null;
  @Field(() => Date, { nullable: true }) finalizedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType()
export class ReviewCampaignPage {
  @Field(() => [ReviewCampaign]) items: ReviewCampaign[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class SelfCheckReport {
  @Field(() => ID) id: string;
  @Field(() => ID) campaignId: string;
  @Field(() => ID) departmentId: string;
  @Field(() => Int) totalFiles: number;
  @Field(() => Int) filesChecked: number;
  @Field(() => Int) failedFiles: number;
  @Field() problems: string;
  @Field() submittedAt: Date;
}

@ObjectType({ description: 'A drawn case file' })
export class ReviewFile {
  @Field(() => ID) id: string;
  @Field(() => ID) campaignId: string;
  @Field(() => ID) caseFileId: string;
  @Field() fileNo: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() caseType: string;
  @Field(() => ID) rubricId: string;
  @Field(() => ReviewFileStatus) status: ReviewFileStatus;
  @Field(() => Float, { nullable: true }) finalScore: number | null;
  @Field(() => String, { nullable: true }) finalGrade: string | null;
}

@ObjectType()
export class ReviewFilePage {
  @Field(() => [ReviewFile]) items: ReviewFile[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: '评查表' })
export class ScoreSheet {
  @Field(() => ID) id: string;
  @Field(() => ID) reviewFileId: string;
  @Field(() => ID) campaignId: string;
  @Field(() => ID) reviewerId: string;
  @Field(() => SheetKind) kind: SheetKind;
  @Field(() => SheetStatus) status: SheetStatus;
  @Field(() => ID) rubricId: string;
  @Field(() => GraphQLJSON) answers: unknown;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field(() => [String]) vetoHits: string[];
  @Field(() => GraphQLJSON, { description: "The engine's findings (deductions and veto hits with notes)" }) findings: unknown;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType()
export class ScoreSheetPage {
  @Field(() => [ScoreSheet]) items: ScoreSheet[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class DepartmentResult {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int) filesReviewed: number;
  @Field(() => Float) meanScore: number;
  @Field(() => Float) totalScore: number;
  @Field() grade: string;
  @Field() gradeLabel: string;
  @Field(() => GraphQLJSON) gradeCounts: unknown;
  @Field(() => Int) rank: number;
  @Field(() => GraphQLJSON) topFindingGroups: unknown;
}

@ObjectType()
export class CampaignResultsModel {
  @Field(() => Int) files: number;
  @Field(() => Float) meanScore: number;
  @Field(() => [DepartmentResult]) departments: DepartmentResult[];
  @Field(() => GraphQLJSON) typicalProblems: unknown;
}
