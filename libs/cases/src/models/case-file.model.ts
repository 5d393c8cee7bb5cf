import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseType, OnSiteCoercion, PartyKind, PenaltyKind } from '../case-file.types.js';

@ObjectType({ description: '执法案卷' })
export class CaseFile {
  @Field(() => ID) id: string;
  @Field(() => ID) departmentId: string;
  @Field() fileNo: string;
  @Field(() => CaseType) caseType: CaseType;
  @Field() sector: string;
  @Field() cause: string;
  @Field() partyName: string;
  @Field(() => PartyKind) partyKind: PartyKind;
  @Field({ description: 'ID number or credit code, masked (e.g. 3301**********1234)' }) partyIdNoMasked: string;
  @Field(() => [String]) officerCertificateNos: string[];
  @Field() filedDate: string;
  @Field(() => String, { nullable: true }) decisionDate: string | null;
  @Field(() => String, { nullable: true }) disclosedDate: string | null;
  @Field() closedDate: string;
  @Field(() => String, { nullable: true }) legalReviewSubmittedDate: string | null;
  @Field(() => String, { nullable: true }) legalReviewFinishedDate: string | null;
  @Field(() => Boolean, { nullable: true }) legalReviewPassed: boolean | null;
  @Field({ description: 'An approved extension of the review time limit (+3 working days)' }) legalReviewExtended: boolean;
  @Field(() => [PenaltyKind]) penaltyKinds: PenaltyKind[];
  @Field(() => Float, { description: 'Fine in fen (integer)' }) fineFen: number;
  @Field() major: boolean;
  @Field() hearingHeld: boolean;
  @Field(() => OnSiteCoercion, { nullable: true }) onSiteCoercion: OnSiteCoercion | null;
  @Field() avRecorded: boolean;
  @Field() avFiled: boolean;
  @Field(() => Int) version: number;
}

@ObjectType()
export class CaseFilePage {
  @Field(() => [CaseFile]) items: CaseFile[];
  @Field(() => Int) total: number;
}
