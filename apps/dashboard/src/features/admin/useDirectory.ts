import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { REGIONS, UNITS, type RegionRow, type UnitRow } from './operations';

/**
 * Names for ids shown in tables. The unit list is read once (first 200 units of the admin's
 * region, which covers a county) and shared through Apollo's cache; an id outside it shows as is.
 */
export function useDirectory() {
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200 } });
  const regions = useQuery(REGIONS);
  return useMemo(() => {
    const unitById = new Map<string, UnitRow>((units.data?.units.items ?? []).map((u) => [u.id, u]));
    const regionById = new Map<string, RegionRow>((regions.data?.regions ?? []).map((r) => [r.id, r]));
    return {
      units: units.data?.units.items ?? [],
      regions: regions.data?.regions ?? [],
      unitName: (id: string) => unitById.get(id)?.name ?? id,
      regionName: (id: string) => regionById.get(id)?.name ?? id,
      refetchRegions: () => regions.refetch(),
    };
  }, [units.data, regions.data, regions]);
}
