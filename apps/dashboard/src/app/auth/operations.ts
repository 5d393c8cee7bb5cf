import { gql, type TypedDocumentNode } from '@apollo/client';
import { ME_FIELDS } from './authApi';
import type { Me } from './types';

export const ME_QUERY: TypedDocumentNode<{ me: Me }, Record<string, never>> = gql`
  query Me {
    me { ${ME_FIELDS} }
  }
`;
