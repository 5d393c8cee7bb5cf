import { Role } from '@ducha/contracts';
import { Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth, useMe } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { EvidenceUpload, type UploadedEvidence } from './EvidenceUpload';
import {
  ACKNOWLEDGE,
  CANCEL,
  CLOSE,
  DECIDE_EXTENSION,
  REQUEST_EXTENSION,
  RETURN,
  START,
  SUBMIT,
  VERIFY,
  type TaskDetail,
} from './operations';

type ReasonKind = 'return' | 'cancel' | 'extension' | 'reject' | null;

/** The buttons and forms for what this user may do to the task in its current state. */
export function TaskActions({ detail, onChanged }: { detail: TaskDetail; onChanged(): void }) {
  const t = useT();
  const me = useMe();
  const { hasRole } = useAuth();
  const task = detail.task;
  const ref = { taskId: task.id, version: task.version };
  const done = (ok: unknown): void => {
    if (ok) onChanged();
  };
  const [acknowledge, ack] = useMutationWithToast(ACKNOWLEDGE, { success: 'task.done' });
  const [start, starting] = useMutationWithToast(START, { success: 'task.done' });
  const [verify, verifying] = useMutationWithToast(VERIFY, { success: 'task.done' });
  const [close, closing] = useMutationWithToast(CLOSE, { success: 'task.done' });
  const [decide, deciding] = useMutationWithToast(DECIDE_EXTENSION, { success: 'task.done' });
  const [reasonKind, setReasonKind] = useState<ReasonKind>(null);

  const isDepartment = hasRole(Role.DEPARTMENT_OFFICER) && detail.departments.some((d) => d.departmentId === me.unit.id);
  const isLead = isDepartment && task.departmentId === me.unit.id;
  const isOffice = hasRole(Role.INSPECTOR);
  const pending = detail.extensions.find((x) => x.status === 'PENDING');
  const open = task.state !== 'CLOSED' && task.state !== 'CANCELLED';
  const departmentTurn = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RETURNED'].includes(task.state);

  const buttons: React.ReactNode[] = [];
  if (isLead && task.state === 'ISSUED')
    buttons.push(
      <Button
        key="ack"
        type="primary"
        loading={ack.loading}
        onClick={() => void acknowledge({ input: ref }).then(done)}
        data-testid="task-acknowledge"
      >
        {t('task.acknowledge')}
      </Button>,
    );
  if (isLead && (task.state === 'ACKNOWLEDGED' || task.state === 'RETURNED'))
    buttons.push(
      <Button
        key="start"
        type="primary"
        loading={starting.loading}
        onClick={() => void start({ input: ref }).then(done)}
        data-testid="task-start"
      >
        {t('task.start')}
      </Button>,
    );
  if (isLead && departmentTurn && !pending)
    buttons.push(
      <Button key="ext" onClick={() => setReasonKind('extension')} data-testid="task-request-extension">
        {t('task.requestExtension')}
      </Button>,
    );
  if (isOffice && task.state === 'SUBMITTED') {
    buttons.push(
      <Button
        key="verify"
        type="primary"
        loading={verifying.loading}
        onClick={() => void verify({ input: ref }).then(done)}
        data-testid="task-verify"
      >
        {t('task.verify')}
      </Button>,
      <Button key="return" danger onClick={() => setReasonKind('return')} data-testid="task-return">
        {t('task.return')}
      </Button>,
    );
  }
  if (isOffice && task.state === 'VERIFIED')
    buttons.push(
      <Popconfirm
        key="close"
        title={t('task.confirmClose')}
        onConfirm={() => void close({ input: ref }).then(done)}
        okButtonProps={{ 'data-testid': 'task-close-confirm' } as Record<`data-${string}`, string>}
      >
        <Button type="primary" loading={closing.loading} data-testid="task-close">
          {t('task.close')}
        </Button>
      </Popconfirm>,
    );
  if (isOffice && pending)
    buttons.push(
      <Button
        key="approve"
        loading={deciding.loading}
        onClick={() => void decide({ input: { ...ref, approve: true } }).then(done)}
        data-testid="task-approve-extension"
      >
        {t('task.approve')}（{pending.requestedDeadline}）
      </Button>,
      <Button key="reject" danger onClick={() => setReasonKind('reject')} data-testid="task-reject-extension">
        {t('task.reject')}
      </Button>,
    );
  if (isOffice && open)
    buttons.push(
      <Button key="cancel" onClick={() => setReasonKind('cancel')} data-testid="task-cancel">
        {t('task.cancel')}
      </Button>,
    );

  const showReport =
    isDepartment && (isLead ? task.state === 'IN_PROGRESS' : open && task.state !== 'SUBMITTED' && task.state !== 'VERIFIED');
  if (!buttons.length && !showReport) return null;
  return (
    <>
      {buttons.length > 0 && (
        <Space wrap data-testid="task-actions">
          {buttons}
          {pending && (
            <Tag color="orange">
              {t('task.extension.PENDING')}：{pending.requestedDeadline}
            </Tag>
          )}
        </Space>
      )}
      {showReport && <ReportForm detail={detail} onChanged={onChanged} />}
      {reasonKind && <ReasonModal kind={reasonKind} detail={detail} onClose={(ok) => (setReasonKind(null), done(ok))} />}
    </>
  );
}

function ReportForm({ detail, onChanged }: { detail: TaskDetail; onChanged(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ measuresTaken: string; text: string }>();
  const [files, setFiles] = useState<UploadedEvidence[]>([]);
  const [submit, submitting] = useMutationWithToast(SUBMIT, { success: 'task.done', form });
  const send = async (values: { measuresTaken: string; text: string }): Promise<void> => {
    const ok = await submit({
      input: {
        taskId: detail.task.id,
        version: detail.task.version,
        measuresTaken: values.measuresTaken,
        text: values.text,
        evidenceFileIds: files.map((f) => f.id),
      },
    });
    if (ok) onChanged();
  };
  return (
    <Card size="small" title={t('task.submit')} data-testid="task-report-form">
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item
          name="measuresTaken"
          label={t('task.measures')}
          rules={[{ required: true, whitespace: true, message: t('task.measuresRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="task-measures" />
        </Form.Item>
        <Form.Item name="text" label={t('task.reportText')} rules={[{ required: true, whitespace: true, message: t('task.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={10000} data-testid="task-report-text" />
        </Form.Item>
        <Form.Item label={t('task.files')}>
          <EvidenceUpload taskId={detail.task.id} onUploaded={(file) => setFiles((list) => [...list, file])} />
          <Space wrap style={{ marginTop: 8 }} data-testid="task-uploaded-files">
            {files.map((f) => (
              <Tag key={f.id} closable onClose={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>
                {f.fileName}
              </Tag>
            ))}
          </Space>
        </Form.Item>
        <Popconfirm
          title={t('task.confirmSubmit')}
          onConfirm={() => form.submit()}
          okButtonProps={{ 'data-testid': 'task-submit-confirm' } as Record<`data-${string}`, string>}
        >
          <Button type="primary" loading={submitting.loading} data-testid="task-submit">
            {t('task.submit')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

function ReasonModal({ kind, detail, onClose }: { kind: Exclude<ReasonKind, null>; detail: TaskDetail; onClose(ok: boolean): void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; newDeadline?: Dayjs }>();
  const ref = { taskId: detail.task.id, version: detail.task.version };
  const [doReturn, returning] = useMutationWithToast(RETURN, { success: 'task.done', form });
  const [doCancel, cancelling] = useMutationWithToast(CANCEL, { success: 'task.done', form });
  const [doRequest, requesting] = useMutationWithToast(REQUEST_EXTENSION, { success: 'task.done', form });
  const [doDecide, deciding] = useMutationWithToast(DECIDE_EXTENSION, { success: 'task.done', form, fieldMessages: {} });
  const titles = { return: 'task.return', cancel: 'task.cancel', extension: 'task.requestExtension', reject: 'task.reject' } as const;
  const submit = async ({ reason, newDeadline }: { reason: string; newDeadline?: Dayjs }): Promise<void> => {
    const text = reason.trim();
    const ok =
      kind === 'return'
        ? await doReturn({ input: { ...ref, reason: text } })
        : kind === 'cancel'
          ? await doCancel({ input: { ...ref, reason: text } })
          : kind === 'extension'
            ? await doRequest({ input: { ...ref, reason: text, newDeadline: newDeadline!.format('YYYY-MM-DD') } })
            : await doDecide({ input: { ...ref, approve: false, note: text } });
    if (ok) onClose(true);
  };
  return (
    <Modal
      open
      title={t(titles[kind])}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={returning.loading || cancelling.loading || requesting.loading || deciding.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reason-submit' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {kind === 'extension' && (
          <Form.Item name="newDeadline" label={t('task.newDeadline')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= detail.task.deadline} data-testid="extension-deadline" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={kind === 'return' ? t('task.returnReason') : kind === 'reject' ? t('task.decisionNote') : t('task.reason')}
          rules={[{ required: true, whitespace: true, message: t('task.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="reason-text" />
        </Form.Item>
        {kind === 'extension' && (
          <Typography.Text type="secondary">
            {t('rect.deadline')}：{detail.task.deadline}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
