import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';

export interface InspectorRow {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
}

export const INSPECTORS: TypedDocumentNode<{ inspectors: InspectorRow[] }, Record<string, never>> = gql`
  query Inspectors {
    inspectors {
      id
      username
      displayName
      unitId
      unitName
    }
  }
`;

/** The active inspectors of my region as Select options (reviewers of a campaign, inspectors of a round). */
export function useInspectorOptions(): { options: { value: string; label: string }[]; loading: boolean } {
  const { data, loading } = useQuery(INSPECTORS);
  const options = (data?.inspectors ?? []).map((i) => ({ value: i.id, label: `${i.displayName}（${i.unitName}）` }));
  return { options, loading };
}
