import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '@ducha/common';

@ObjectType()
export class ComplianceChecklist {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() version: string;
  @Field() name: string;
  @Field(() => Int) itemCount: number;
  @Field(() => GraphQLJSON, { description: 'The checklist as imported (items, weights, results, grade bands)' }) template: unknown;
  @Field() createdAt: Date;
}

@ObjectType()
export class ComplianceChecklistPage {
  @Field(() => [ComplianceChecklist]) items: ComplianceChecklist[];
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'A case file (or officer) a screen found failing, with the reason in plain words' })
export class ScreenFailureModel {
  @Field({ description: 'Case file id, or certificate number for registry screens' }) subject: string;
  @Field({ description: 'File number or certificate number' }) label: string;
  @Field() reason: string;
}

@ObjectType()
export class ComplianceEvidenceFile {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field() createdAt: Date;
}

@ObjectType()
export class ComplianceCheckItem {
  @Field(() => ID) id: string;
  @Field() itemCode: string;
  @Field() title: string;
  @Field() system: string;
  @Field(() => Float) weight: number;
  @Field() mayNotApply: boolean;
  @Field(() => String, { nullable: true, description: 'The automatic screen that pre-fills the item' }) auto: string | null;
  @Field(() => String, { nullable: true }) screenResult: string | null;
  @Field(() => Int, { nullable: true }) screenPassed: number | null;
  @Field(() => Int, { nullable: true }) screenTotal: number | null;
  @Field(() => [ScreenFailureModel]) screenFailures: ScreenFailureModel[];
  @Field(() => Int, { description: 'Failures counted beyond the listed evidence' }) screenFailuresOmitted: number;
  @Field(() => String, { nullable: true }) result: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true }) overrideReason: string | null;
  @Field(() => [ComplianceEvidenceFile]) files: ComplianceEvidenceFile[];
}

@ObjectType()
export class SystemSubtotalModel {
  @Field() system: string;
  @Field(() => Float) earned: number;
  @Field(() => Float) max: number;
}

@ObjectType()
export class ComplianceCheck {
  @Field(() => ID) id: string;
  @Field(() => ID) roundId: string;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => ID) inspectorId: string;
  @Field() status: string;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field(() => [SystemSubtotalModel]) subtotals: SystemSubtotalModel[];
  @Field(() => Int, { description: 'Send it back when saving or submitting (optimistic locking)' }) version: number;
  @Field(() => [ComplianceCheckItem]) items: ComplianceCheckItem[];
}

@ObjectType()
export class ComplianceRound {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'PLANNED → SCREENED → CHECKING → FINALIZED → PUBLISHED' }) stage: string;
  @Field({ description: 'NONE, QUEUED, RUNNING, DONE, FAILED' }) screening: string;
  @Field(() => String, { nullable: true }) screeningError: string | null;
  @Field() periodFrom: string;
  @Field() periodTo: string;
  @Field(() => ID) checklistId: string;
  @Field(() => [ID]) inspectorIds: string[];
  @Field(() => Int) version: number;
  @Field(() => Date, { nullable: true }) screenedAt: Date | null;
  @Field(() => Date, { nullable: true }) finalizedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => [ComplianceCheck], { nullable: true, description: 'Filled by complianceRound(id) only' }) checks?: ComplianceCheck[];
}

@ObjectType()
export class ComplianceRoundPage {
  @Field(() => [ComplianceRound]) items: ComplianceRound[];
  @Field(() => Int) total: number;
}

@ObjectType()
export class DepartmentComplianceResult {
  @Field(() => Int, { nullable: true }) rank: number | null;
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => ID) checkId: string;
  @Field() status: string;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field(() => String, { nullable: true }) gradeLabel: string | null;
  @Field(() => [SystemSubtotalModel]) subtotals: SystemSubtotalModel[];
  @Field(() => [String]) failedItems: string[];
  @Field(() => [String]) partialItems: string[];
}

@ObjectType()
export class ComplianceRateFigure {
  @Field() key: string;
  @Field() label: string;
  @Field(() => Int) passed: number;
  @Field(() => Int) total: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType()
export class TypicalProblem {
  @Field() itemCode: string;
  @Field() title: string;
  @Field() system: string;
  @Field(() => Int) departments: number;
}

@ObjectType()
export class ComplianceRoundResults {
  @Field(() => ID) roundId: string;
  @Field(() => [DepartmentComplianceResult]) departments: DepartmentComplianceResult[];
  @Field(() => [ComplianceRateFigure]) rates: ComplianceRateFigure[];
  @Field(() => [TypicalProblem]) typicalProblems: TypicalProblem[];
  @Field({ description: 'GET this path for the .xlsx ranking' }) xlsxPath: string;
  @Field({ description: 'GET this path for the .docx bulletin' }) bulletinPath: string;
}

@ObjectType()
export class PassedOfTotal {
  @Field(() => Int) passed: number;
  @Field(() => Int) total: number;
}

@ObjectType()
export class DepartmentComplianceRate {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field(() => Int) year: number;
  @Field() screenedAt: Date;
  @Field(() => PassedOfTotal) disclosureOnTime: PassedOfTotal;
  @Field(() => PassedOfTotal) legalReviewCoverage: PassedOfTotal;
  @Field(() => PassedOfTotal) avFiled: PassedOfTotal;
  @Field(() => GraphQLJSON, { description: 'Passed and total per screen key' }) screens: unknown;
}

@ObjectType()
export class DepartmentComplianceRatePage {
  @Field(() => [DepartmentComplianceRate]) items: DepartmentComplianceRate[];
  @Field(() => Int) total: number;
}
