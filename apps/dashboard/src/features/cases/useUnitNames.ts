import { useQuery } from '@apollo/client/react';
import { UNITS } from '../admin/operations';

/** Unit names by id for the units I may read (an officer: their own). */
export function useUnitNames(): Map<string, string> {
  const { data } = useQuery(UNITS, { variables: { page: 1, pageSize: 200 } });
  return new Map((data?.units.items ?? []).map((u) => [u.id, u.name]));
}
