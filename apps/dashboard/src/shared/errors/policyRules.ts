/**
 * The access rules the API names in a refusal (`extensions.rule`, libs/org PolicyRule) and in
 * reviewer options (plus ALREADY_REVIEWING). Each has a `policy.<RULE>` sentence in the dictionaries.
 */
export const POLICY_RULES = [
  'OFFICE_SUBTREE',
  'OWN_DEPARTMENT',
  'ROLE_REQUIRED',
  'LEADER_READ_ONLY',
  'RECUSAL_OWN_DEPARTMENT',
  'RECUSAL_CASE_OFFICER',
  'SEPARATION_OF_DUTIES',
  'ISSUING_OFFICE_ONLY',
  'NOT_PUBLISHED',
  'ALREADY_REVIEWING',
] as const;
