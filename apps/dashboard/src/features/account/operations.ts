import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ChangePasswordVariables {
  input: { currentPassword: string; newPassword: string };
}

export const CHANGE_PASSWORD: TypedDocumentNode<{ changePassword: boolean }, ChangePasswordVariables> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;
