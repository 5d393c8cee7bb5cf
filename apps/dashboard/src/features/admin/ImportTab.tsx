import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Progress, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useLocale, useT } from '../../i18n/useT';
import { importReasonZh } from './importReasons';
import { uploadWithProgress } from '../../shared/http/uploadWithProgress';

type ImportKind = 'UNITS' | 'USERS' | 'OFFICERS';

interface ImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; reason: string }[];
}

const COLUMNS: Record<ImportKind, string> = {
  UNITS: '单位编码、单位名称、单位类型（政府部门/乡镇街道/垂管单位）、所属区划编码、执法主体（是/否）、监督机关（是/否）',
  USERS: '用户名、姓名、单位编码、角色（多个用顿号分隔）、初始密码',
  OFFICERS: '执法证号、姓名、单位编码、证件类型、有效期起、有效期止、法律职业资格（是/否）、法制审核人员（是/否）',
};

const MAX_BYTES = 10 * 1024 * 1024;

/** Batch import of units, users or officers; every bad row is listed and nothing is written. */
export function ImportTab() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('UNITS');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const upload = async (file: File): Promise<void> => {
    setReport(null);
    setProgress(0);
    try {
      const { status, body } = await uploadWithProgress<ImportReport & { message?: string | string[] }>(
        `/imports/org/${kind}`,
        file,
        setProgress,
      );
      if (status >= 200 && status < 300 && body) setReport(body);
      else if (status === 401) void message.error(t('error.UNAUTHENTICATED'));
      else if (status === 403) void message.error(t('error.FORBIDDEN'));
      else if (status === 413) void message.error(t('import.tooLarge'));
      else void message.error(t('error.BAD_USER_INPUT'));
    } catch {
      void message.error(t('error.network'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('import.kind')}</Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ImportKind);
            setReport(null);
          }}
          optionType="button"
          data-testid="import-kind"
          options={(['UNITS', 'USERS', 'OFFICERS'] as const).map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) }))}
        />
      </Space>
      <Alert type="info" showIcon title={t('import.hint')} description={t('import.columns', { columns: COLUMNS[kind] })} />
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={progress !== null}
          beforeUpload={(file) => {
            const name = file.name.toLowerCase();
            if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) void message.error(t('import.badType'));
            else if (file.size > MAX_BYTES) void message.error(t('import.tooLarge'));
            else void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
      </div>
      {progress !== null && (
        <div>
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={progress} status="active" data-testid="import-progress" />
        </div>
      )}
      {report && (
        <Alert
          data-testid="import-result"
          type={report.ok ? 'success' : 'error'}
          showIcon
          title={
            report.ok
              ? t('import.ok', { rows: report.rows, created: report.created, updated: report.updated })
              : t('import.failed', { count: report.errors.length })
          }
        />
      )}
      {report && report.errors.length > 0 && (
        <Table
          data-testid="import-errors"
          title={() => t('import.errors')}
          size="small"
          rowKey={(row) => `${row.row}-${row.column}-${row.reason}`}
          dataSource={report.errors}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.column'), dataIndex: 'column', width: 160 },
            {
              title: t('import.reason'),
              dataIndex: 'reason',
              render: (reason: string) => (locale === 'zh-CN' ? importReasonZh(reason) : reason),
            },
          ]}
        />
      )}
    </Space>
  );
}
