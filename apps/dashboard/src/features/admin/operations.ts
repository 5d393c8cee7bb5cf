import type { TypedDocumentNode } from '@apollo/client';
import type { RegionLevel, Role, UnitKind } from '@ducha/contracts';
import { gql } from '@apollo/client';

export interface RegionRow {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  code: string;
  name: string;
  path: string;
}
export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  isEnforcementBody: boolean;
  isSupervisingOffice: boolean;
  version: number;
}
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: string | null;
  version: number;
}
export interface OfficerRow {
  id: string;
  certificateNo: string;
  name: string;
  unitId: string;
  kind: string;
  validFrom: string;
  validTo: string;
  legalQualification: boolean;
  legalReviewer: boolean;
  version: number;
}
export interface Page<T> {
  items: T[];
  total: number;
}

const UNIT_FIELDS = 'id code name kind regionId isEnforcementBody isSupervisingOffice version';
const USER_FIELDS = 'id username displayName unitId roles disabled lockedUntil version';
const OFFICER_FIELDS = 'id certificateNo name unitId kind validFrom validTo legalQualification legalReviewer version';

export const REGIONS: TypedDocumentNode<{ regions: RegionRow[] }, Record<string, never>> = gql`
  query AdminRegions {
    regions {
      id
      parentId
      level
      code
      name
      path
    }
  }
`;

export interface UnitsVars {
  page: number;
  pageSize: number;
  regionId?: string;
  kind?: UnitKind;
  search?: string;
  enforcementOnly?: boolean;
}
export const UNITS: TypedDocumentNode<{ units: Page<UnitRow> }, UnitsVars> = gql`
  query AdminUnits($page: Int!, $pageSize: Int!, $regionId: ID, $kind: UnitKind, $search: String, $enforcementOnly: Boolean) {
    units(page: $page, pageSize: $pageSize, regionId: $regionId, kind: $kind, search: $search, enforcementOnly: $enforcementOnly) { total items { ${UNIT_FIELDS} } }
  }
`;

export const CREATE_REGION: TypedDocumentNode<{ createRegion: RegionRow }, { input: { parentId: string; code: string; name: string } }> =
  gql`
    mutation AdminCreateRegion($input: CreateRegionInput!) {
      createRegion(input: $input) {
        id
        parentId
        level
        code
        name
        path
      }
    }
  `;

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  isEnforcementBody: boolean;
  isSupervisingOffice: boolean;
}
export const CREATE_UNIT: TypedDocumentNode<{ createUnit: UnitRow }, { input: UnitInput }> = gql`
  mutation AdminCreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) { ${UNIT_FIELDS} }
  }
`;
export const UPDATE_UNIT: TypedDocumentNode<
  { updateUnit: UnitRow },
  { input: { id: string; version: number; name?: string; kind?: UnitKind; isEnforcementBody?: boolean; isSupervisingOffice?: boolean } }
> = gql`
  mutation AdminUpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) { ${UNIT_FIELDS} }
  }
`;

export const USERS: TypedDocumentNode<{ users: Page<UserRow> }, { page: number; pageSize: number; unitId?: string; search?: string }> = gql`
  query AdminUsers($page: Int!, $pageSize: Int!, $unitId: ID, $search: String) {
    users(page: $page, pageSize: $pageSize, unitId: $unitId, search: $search) { total items { ${USER_FIELDS} } }
  }
`;
export const CREATE_USER: TypedDocumentNode<
  { createUser: UserRow },
  { input: { username: string; displayName: string; unitId: string; roles: Role[]; password: string } }
> = gql`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) { ${USER_FIELDS} }
  }
`;
export const UPDATE_USER: TypedDocumentNode<
  { updateUser: UserRow },
  { input: { id: string; version: number; displayName?: string; unitId?: string; roles?: Role[]; disabled?: boolean } }
> = gql`
  mutation AdminUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) { ${USER_FIELDS} }
  }
`;

export const OFFICERS: TypedDocumentNode<
  { officers: Page<OfficerRow> },
  { page: number; pageSize: number; unitId?: string; search?: string; legalReviewer?: boolean }
> = gql`
  query AdminOfficers($page: Int!, $pageSize: Int!, $unitId: ID, $search: String, $legalReviewer: Boolean) {
    officers(page: $page, pageSize: $pageSize, unitId: $unitId, search: $search, legalReviewer: $legalReviewer) { total items { ${OFFICER_FIELDS} } }
  }
`;
export interface OfficerInput {
  certificateNo: string;
  name: string;
  unitId: string;
  kind: string;
  validFrom: string;
  validTo: string;
  legalQualification: boolean;
  legalReviewer: boolean;
}
export const CREATE_OFFICER: TypedDocumentNode<{ createOfficer: OfficerRow }, { input: OfficerInput }> = gql`
  mutation AdminCreateOfficer($input: CreateOfficerInput!) {
    createOfficer(input: $input) { ${OFFICER_FIELDS} }
  }
`;

export interface CalendarYearRow {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  names: Record<string, string>;
  source: string;
  version: number;
}
export const CALENDAR: TypedDocumentNode<
  { calendarYears: CalendarYearRow[]; calendarStatus: { knownYears: number[]; missingYears: number[] } },
  Record<string, never>
> = gql`
  query AdminCalendar {
    calendarYears {
      year
      holidays
      makeUpWorkdays
      names
      source
      version
    }
    calendarStatus {
      knownYears
      missingYears
    }
  }
`;
export const UPSERT_CALENDAR_YEAR: TypedDocumentNode<
  { upsertCalendarYear: CalendarYearRow },
  { input: { year: number; holidays: string[]; makeUpWorkdays: string[]; names?: Record<string, string> } }
> = gql`
  mutation AdminUpsertCalendarYear($input: CalendarYearInput!) {
    upsertCalendarYear(input: $input) {
      year
      holidays
      makeUpWorkdays
      names
      source
      version
    }
  }
`;

export interface AuditRow {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  operation: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  chainSeq: string | null;
}
export const AUDIT_TRAIL: TypedDocumentNode<{ auditTrail: AuditRow[] }, { targetId: string; limit: number }> = gql`
  query AdminAuditTrail($targetId: String!, $limit: Int!) {
    auditTrail(targetId: $targetId, limit: $limit) {
      id
      occurredAt
      actorUserId
      actorUnitId
      operation
      targetType
      targetId
      before
      after
      requestId
      chainSeq
    }
  }
`;
