import pg from 'pg';

const DATE_OID = 1082;
const DATE_ARRAY_OID = 1182;
const TEXT_ARRAY_OID = 1009;

/**
 * Calendar dates stay `YYYY-MM-DD` strings: the driver's default turns them into local-time Date
 * objects, which shifts days across time zones. Applied once, before any connection.
 */
export function useCalendarDateStrings(): void {
  pg.types.setTypeParser(DATE_OID, (value: string) => value);
  // The typings list only scalar type ids; array ids are valid at run time.
  const types = pg.types as unknown as { setTypeParser(oid: number, parse: unknown): void; getTypeParser(oid: number): unknown };
  types.setTypeParser(DATE_ARRAY_OID, types.getTypeParser(TEXT_ARRAY_OID));
}

useCalendarDateStrings();
