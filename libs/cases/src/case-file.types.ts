import { registerEnumType } from '@nestjs/graphql';

/** Case types (DOMAIN.md glossary); the same list as @ducha/scoring's CASE_TYPES. */
export enum CaseType {
  PENALTY = 'PENALTY',
  PENALTY_SIMPLE = 'PENALTY_SIMPLE',
  NO_PENALTY = 'NO_PENALTY',
  LICENSING = 'LICENSING',
  COERCION = 'COERCION',
  INSPECTION = 'INSPECTION',
  LEVY = 'LEVY',
  CONFIRMATION = 'CONFIRMATION',
  ADJUDICATION = 'ADJUDICATION',
  BENEFIT = 'BENEFIT',
  RECONSIDERATION = 'RECONSIDERATION',
}

export enum PartyKind {
  PERSON = 'PERSON',
  ORGANISATION = 'ORGANISATION',
}

export enum PenaltyKind {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  BUSINESS_SUSPENSION = 'BUSINESS_SUSPENSION',
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  DETENTION = 'DETENTION',
}

/** Listed on-site actions that must be recorded on audio-video (DOMAIN.md "Recording"). */
export enum OnSiteCoercion {
  SEIZURE = 'SEIZURE',
  DEMOLITION = 'DEMOLITION',
  DETENTION_TRANSFER = 'DETENTION_TRANSFER',
}

export const CASE_TYPE_NAMES: Record<CaseType, string> = {
  PENALTY: '行政处罚',
  PENALTY_SIMPLE: '行政处罚（简易程序）',
  NO_PENALTY: '不予处罚',
  LICENSING: '行政许可',
  COERCION: '行政强制',
  INSPECTION: '行政检查',
  LEVY: '行政征收',
  CONFIRMATION: '行政确认',
  ADJUDICATION: '行政裁决',
  BENEFIT: '行政给付',
  RECONSIDERATION: '行政复议',
};
export const PENALTY_KIND_NAMES: Record<PenaltyKind, string> = {
  WARNING: '警告',
  FINE: '罚款',
  CONFISCATION: '没收',
  BUSINESS_SUSPENSION: '责令停产停业',
  LICENCE_REVOCATION: '吊销许可证',
  DETENTION: '行政拘留',
};
export const COERCION_NAMES: Record<OnSiteCoercion, string> = {
  SEIZURE: '查封扣押',
  DEMOLITION: '强制拆除',
  DETENTION_TRANSFER: '带离现场',
};
export const PARTY_KIND_NAMES: Record<PartyKind, string> = { PERSON: '自然人', ORGANISATION: '单位' };

registerEnumType(CaseType, { name: 'CaseType', description: '案件类型' });
registerEnumType(PartyKind, { name: 'PartyKind', description: '当事人类型: 自然人 / 单位' });
registerEnumType(PenaltyKind, { name: 'PenaltyKind', description: '处罚种类' });
registerEnumType(OnSiteCoercion, { name: 'OnSiteCoercion', description: '现场强制措施（须全程音像记录）' });

/** Shows the first and last characters of an ID number or credit code, e.g. 3301********1234. */
export function maskIdNo(idNo: string): string {
  if (idNo.length <= 6) return '*'.repeat(idNo.length);
  const keep = idNo.length >= 15 ? 4 : 2;
  return idNo.slice(0, keep) + '*'.repeat(idNo.length - keep * 2) + idNo.slice(-keep);
}
