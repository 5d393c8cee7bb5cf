import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, List, Modal, Progress, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { restErrorMessage } from '../../shared/http/restError';
import { downloadFile, uploadWithProgress } from '../../shared/http/uploadWithProgress';
import { MEASURE_STATUSES, REPORT_PROGRESS, type EvidenceFile, type MeasureRow, type MeasureStatus, type ProgressRow } from './operations';

const ALLOWED = ['.pdf', '.jpg', '.jpeg', '.png', '.gif', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx'];
const MAX_BYTES = 20 * 1024 * 1024;

export function EvidenceList({ files }: { files: readonly EvidenceFile[] }) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <List
      size="small"
      dataSource={files as EvidenceFile[]}
      locale={{ emptyText: t('as.noEvidence') }}
      renderItem={(f) => (
        <List.Item>
          <Button
            type="link"
            icon={<PaperClipOutlined />}
            onClick={() => void downloadFile(f.downloadPath, f.fileName).then((ok) => ok || message.error(t('error.unknown')))}
          >
            {f.fileName}
          </Button>
          <Typography.Text type="secondary">{t('as.size', { size: Math.max(1, Math.round(f.size / 1024)) })}</Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** A department's progress report on one measure for a quarter: status and text, then evidence files on the saved report. */
export function ProgressModal({
  measure,
  existing,
  year,
  quarter,
  onClose,
}: {
  measure: MeasureRow;
  existing: ProgressRow | undefined;
  year: number;
  quarter: number;
  onClose(): void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: MeasureStatus; text: string }>();
  const [report, setReport] = useState(existing);
  const [files, setFiles] = useState<EvidenceFile[]>(existing?.files ?? []);
  const [percent, setPercent] = useState<number | null>(null);
  const [save, state] = useMutationWithToast(REPORT_PROGRESS, { form, success: 'as.progressSaved' });

  const upload = async (file: File, progressId: string): Promise<void> => {
    setPercent(0);
    try {
      const { status, body } = await uploadWithProgress<EvidenceFile>(`/files/assessment/progress/${progressId}`, file, setPercent);
      if (status >= 200 && status < 300 && body) {
        setFiles((list) => [...list, body]);
        void message.success(t('as.uploaded', { name: body.fileName }));
      } else void message.error(t('as.uploadFailed', { message: restErrorMessage(status, body, locale) }));
    } catch {
      void message.error(t('error.network'));
    } finally {
      setPercent(null);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('as.reportTitle', { code: measure.code, quarter })}
      okText={t('as.saveProgress')}
      cancelText={t('as.close')}
      okButtonProps={{ 'data-testid': 'as-progress-save' }}
      confirmLoading={state.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {measure.title}（{t('as.deadline')} {measure.deadline}）
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ status: existing?.status ?? 'IN_PROGRESS', text: existing?.text ?? '' }}
          onFinish={(v) =>
            void save({ input: { measureId: measure.id, year, quarter, status: v.status, text: v.text.trim() } }).then(
              (d) => d && setReport(d.reportMeasureProgress),
            )
          }
        >
          <Form.Item name="status" label={t('as.status')} rules={[{ required: true, message: t('common.required') }]}>
            <Radio.Group
              optionType="button"
              data-testid="as-progress-status"
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`as.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="text" label={t('as.progressText')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount data-testid="as-progress-text" />
          </Form.Item>
        </Form>
        <Typography.Text strong>{t('as.evidence')}</Typography.Text>
        {report ? (
          <div data-testid="as-evidence-upload">
            <Upload
              accept={ALLOWED.join(',')}
              showUploadList={false}
              disabled={percent !== null}
              beforeUpload={(file) => {
                const name = file.name.toLowerCase();
                if (!ALLOWED.some((ext) => name.endsWith(ext))) void message.error(t('as.uploadBadType'));
                else if (file.size > MAX_BYTES) void message.error(t('as.uploadTooLarge'));
                else void upload(file, report.id);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('as.addEvidence')}</Button>
            </Upload>
          </div>
        ) : (
          <Alert type="info" showIcon title={t('as.saveFirst')} />
        )}
        {percent !== null && <Progress percent={percent} status="active" />}
        <div data-testid="as-evidence-files">
          <EvidenceList files={files} />
        </div>
      </Space>
    </Modal>
  );
}
