import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import type { ErrorCode } from '@ducha/contracts';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { applyFieldIssues } from '../errors/applyFieldIssues';
import { useErrorMessage } from '../errors/useErrorMessage';

export interface MutationWithToastOptions<TData> {
  /** Toast on success: a message key, or text built from the result. Omit for no toast. */
  success?: MessageKey | ((data: TData) => string);
  /** BAD_USER_INPUT issues are shown under this form's fields instead of in a toast. */
  form?: FormInstance;
  /** Inline wording per form field, instead of the server's (English) reason. */
  fieldMessages?: Partial<Record<string, MessageKey>>;
  /** Screen-specific wording for some codes (e.g. CONFLICT on a stale edit). */
  errorOverrides?: Partial<Record<ErrorCode, MessageKey>>;
}

/**
 * useMutation plus the house rules for feedback: success → short toast; failure → the error's
 * zh-CN sentence (or inline field errors), never a raw server message, never an unhandled
 * rejection. `run` resolves to the data, or null when it failed (already reported).
 */
export function useMutationWithToast<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  options: MutationWithToastOptions<TData> = {},
) {
  const [mutate, state] = useMutation<TData, TVariables>(document);
  const { message } = App.useApp();
  const t = useT();
  const describe = useErrorMessage();
  const { success, form, fieldMessages, errorOverrides } = options;

  // Apollo 4 types `mutate`'s options through conditional types that TypeScript cannot resolve
  // for a still-generic TVariables; at each call site TVariables is concrete and checked by `run`.
  const execute = mutate as unknown as (options: { variables: TVariables }) => Promise<{ data?: TData | null }>;

  const run = useCallback(
    async (variables: TVariables): Promise<TData | null> => {
      try {
        const { data } = await execute({ variables });
        if (data === undefined || data === null) return null;
        if (success) void message.success(typeof success === 'function' ? success(data) : t(success));
        return data;
      } catch (error) {
        const inlineWording = Object.fromEntries(
          Object.entries(fieldMessages ?? {}).map(([field, key]) => [field, key ? t(key) : undefined]),
        );
        const allInline = form ? applyFieldIssues(form, error, inlineWording) : false;
        if (!allInline) void message.error(describe(error, errorOverrides));
        return null;
      }
    },
    [execute, message, t, describe, success, form, fieldMessages, errorOverrides],
  );

  return [run, state] as const;
}
