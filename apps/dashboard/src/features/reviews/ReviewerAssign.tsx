import { useQuery } from '@apollo/client/react';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { ruleMessage } from '../../shared/errors/errorMessage';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { REVIEWER_OPTIONS } from './assignmentOperations';

/**
 * Picks a reviewer for one file: every inspector of my region, those a rule blocks greyed out with
 * the rule's reason; a refusal from the server (a rule that changed meanwhile) shows under the field.
 */
export function ReviewerAssign({
  reviewFileId,
  actionLabel,
  onAssign,
}: {
  reviewFileId: string;
  actionLabel: MessageKey;
  /** Rejects with the API error when refused. */
  onAssign(reviewerId: string): Promise<unknown>;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data, loading } = useQuery(REVIEWER_OPTIONS, { variables: { reviewFileId }, skip: !open, fetchPolicy: 'network-only' });
  const reasonOf = (rule: string, reason: string): string => {
    const key = ruleMessage(rule);
    return key ? t(key) : reason;
  };

  const assign = async (): Promise<void> => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      await onAssign(choice);
      setChoice(undefined);
    } catch (failure) {
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={2}>
      <Space.Compact>
        <Select
          style={{ width: 260 }}
          placeholder={t('rv.pickReviewer')}
          value={choice}
          loading={loading}
          status={error ? 'error' : undefined}
          onOpenChange={(next) => next && setOpen(true)}
          onFocus={() => setOpen(true)}
          onChange={(value: string) => (setChoice(value), setError(null))}
          popupMatchSelectWidth={false}
          options={(data?.reviewerOptions ?? []).map((o) => ({
            value: o.reviewerId,
            disabled: !o.allowed,
            title: o.allowed ? undefined : t('rv.blocked', { reason: reasonOf(o.rule, o.reason) }),
            label: o.allowed ? (
              `${o.displayName}（${o.unitName}）`
            ) : (
              <span>
                {`${o.displayName}（${o.unitName}）`}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rv.blocked', { reason: reasonOf(o.rule, o.reason) })}
                </Typography.Text>
              </span>
            ),
          }))}
          data-testid="reviewer-picker"
        />
        <Button type="primary" disabled={!choice} loading={busy} onClick={() => void assign()} data-testid="reviewer-assign">
          {t(actionLabel)}
        </Button>
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" role="alert" data-testid="reviewer-error">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}
