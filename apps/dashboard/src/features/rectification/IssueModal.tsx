import { useQuery } from '@apollo/client/react';
import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { inShanghai } from '../../shared/time/dayjs';
import { UNITS } from '../admin/operations';
import { ADD_WORKING_DAYS, BULK_ISSUE, DEADLINE_RULES, ISSUE, type FindingRow } from './operations';

interface IssueForm {
  requirements: string;
  responsiblePerson: string;
  workingDays: number | null;
  coDepartmentIds: string[];
}

/** 下发整改通知: the deadline defaults to the rule for the findings' source and severity, shown with the date it lands on. */
export function IssueModal({ findings, batchId, onClose }: { findings: FindingRow[]; batchId?: string; onClose(changed: boolean): void }) {
  const t = useT();
  const [form] = Form.useForm<IssueForm>();
  const rules = useQuery(DEADLINE_RULES);
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200 }, skip: !!batchId });
  const severity = findings.some((f) => f.severity === 'MAJOR') ? 'MAJOR' : 'GENERAL';
  const source = findings[0]?.source;
  // A rule for the exact severity wins over the source's catch-all (severity ANY).
  const sourceRules = rules.data?.rectificationDeadlineRules.filter((r) => r.source === source) ?? [];
  const rule = sourceRules.find((r) => r.severity === severity) ?? sourceRules.find((r) => r.severity === 'ANY');
  const workingDays = Form.useWatch('workingDays', form);
  const today = inShanghai().format('YYYY-MM-DD');
  const landing = useQuery(ADD_WORKING_DAYS, { variables: { date: today, n: workingDays ?? 0 }, skip: !workingDays || workingDays < 1 });
  const [issue, issuing] = useMutationWithToast(ISSUE, {
    form,
    success: (d) => t('issue.issued', { taskNo: d.issueRectification.taskNo }),
  });
  const [bulk, bulking] = useMutationWithToast(BULK_ISSUE, {
    form,
    success: (d) => t('issue.bulkIssued', { count: d.bulkIssueRectification.length }),
  });

  useEffect(() => {
    if (rule && form.getFieldValue('workingDays') === undefined) form.setFieldsValue({ workingDays: rule.workingDays });
  }, [rule, form]);

  const submit = async (values: IssueForm): Promise<void> => {
    const deadline = values.workingDays ? { workingDays: values.workingDays } : undefined;
    const common = { requirements: values.requirements.trim(), responsiblePerson: values.responsiblePerson.trim(), deadline };
    const done = batchId
      ? await bulk({ input: { batchId, ...common } })
      : await issue({ input: { findingIds: findings.map((f) => f.id), coDepartmentIds: values.coDepartmentIds ?? [], ...common } });
    if (done) onClose(true);
  };

  return (
    <Modal
      open
      width={640}
      title={t('issue.title')}
      okText={t('finding.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issuing.loading || bulking.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'issue-submit' } as Record<`data-${string}`, string>}
    >
      <Typography.Paragraph type="secondary">
        {batchId ? `${t('finding.batch')} ${batchId} · ` : `${findings[0]?.departmentName ?? ''} · `}
        {t('finding.issueSelected', { count: findings.length })}
      </Typography.Paragraph>
      <Form<IssueForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ coDepartmentIds: [] }}>
        <Form.Item
          name="requirements"
          label={t('rect.requirements')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="issue-requirements" />
        </Form.Item>
        <Form.Item
          name="responsiblePerson"
          label={t('rect.responsiblePerson')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={60} data-testid="issue-responsible" />
        </Form.Item>
        <Form.Item
          name="workingDays"
          label={t('issue.workingDays')}
          extra={
            <span data-testid="issue-deadline-preview">
              {rule ? t('issue.defaultDays', { days: rule.workingDays }) : ''}
              {landing.data ? `；${t('issue.landsOn', { date: landing.data.addWorkingDays.date })}` : ''}
            </span>
          }
        >
          <InputNumber min={1} max={250} style={{ width: 160 }} />
        </Form.Item>
        {!batchId && (
          <Form.Item name="coDepartmentIds" label={t('issue.coDepartments')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(units.data?.units.items ?? [])
                .filter((u) => u.id !== findings[0]?.departmentId && u.isEnforcementBody)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
