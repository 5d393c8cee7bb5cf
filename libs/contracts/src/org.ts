/** Levels of the region tree, from the top. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWN = 'TOWN',
}

/** What kind of body a unit is (DOMAIN.md "Who does what"). */
export enum UnitKind {
  GOVERNMENT_DEPARTMENT = 'GOVERNMENT_DEPARTMENT',
  TOWN = 'TOWN',
  VERTICAL = 'VERTICAL',
}
