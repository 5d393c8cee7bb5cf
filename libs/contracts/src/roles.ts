/** The four roles of DESIGN.md "Access". A user holds one or more. */
export enum Role {
  ADMIN = 'ADMIN',
  INSPECTOR = 'INSPECTOR',
  DEPARTMENT_OFFICER = 'DEPARTMENT_OFFICER',
  LEADER = 'LEADER',
}

export const ALL_ROLES: readonly Role[] = [Role.ADMIN, Role.INSPECTOR, Role.DEPARTMENT_OFFICER, Role.LEADER];
