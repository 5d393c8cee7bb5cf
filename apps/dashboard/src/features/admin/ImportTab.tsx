import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { Alert, App, Progress, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { FileDropZone } from '../../shared/components/FileDropZone';
import { ImportReport, type SheetImportReport } from '../../shared/components/ImportReport';
import { uploadWithProgress } from '../../shared/http/uploadWithProgress';
import { JobProgressBar } from '../../shared/progress/JobProgressBar';
import { useJobProgress } from '../../shared/progress/useJobProgress';
import { reasonZh } from '../../shared/errors/reasonZh';

type ImportKind = 'UNITS' | 'USERS' | 'OFFICERS' | 'CASE_FILES';
const KINDS: readonly ImportKind[] = ['UNITS', 'USERS', 'OFFICERS', 'CASE_FILES'];
const URLS: Record<ImportKind, string> = {
  UNITS: '/imports/org/UNITS',
  USERS: '/imports/org/USERS',
  OFFICERS: '/imports/org/OFFICERS',
  CASE_FILES: '/imports/case-files',
};

const COLUMNS: Record<ImportKind, string> = {
  UNITS: '单位编码、单位名称、单位类型（政府部门/乡镇街道/垂管单位）、所属区划编码、执法主体（是/否）、监督机关（是/否）',
  USERS: '用户名、姓名、单位编码、角色（多个用顿号分隔）、初始密码',
  OFFICERS: '执法证号、姓名、单位编码、证件类型、有效期起、有效期止、法律职业资格（是/否）、法制审核人员（是/否）',
  CASE_FILES:
    '执法单位编码、案卷编号、案件类型、案由、当事人、当事人类型、执法人员证号、立案日期、决定日期、结案日期、重大案件、全程音像记录、音像资料归档（超过 2000 行在后台导入，显示处理进度）',
};

const MAX_BYTES = 10 * 1024 * 1024;

const CASE_FILE_IMPORT: TypedDocumentNode<{ caseFileImport: { report: SheetImportReport | null } }, { id: string }> = gql`
  query CaseFileImportReport($id: ID!) {
    caseFileImport(id: $id) {
      report {
        ok
        rows
        created
        updated
        errors {
          row
          column
          reason
        }
      }
    }
  }
`;

const CASE_FILE_IMPORT_STATE: TypedDocumentNode<{ caseFileImport: { status: string; done: number; total: number } }, { id: string }> = gql`
  query CaseFileImportState($id: ID!) {
    caseFileImport(id: $id) {
      status
      done
      total
    }
  }
`;

/**
 * Batch import of units, users, officers or case files; every bad row is listed and nothing is
 * written. A large case-file sheet is imported by a job: its progress arrives as live events.
 */
export function ImportTab() {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('UNITS');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<SheetImportReport | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const client = useApolloClient();
  const job = useJobProgress(
    jobId,
    () => {
      if (!jobId) return;
      void client
        .query({ query: CASE_FILE_IMPORT, variables: { id: jobId }, fetchPolicy: 'network-only' })
        .then(({ data }) => setReport(data?.caseFileImport.report ?? null))
        .catch(() => void message.error(t('error.unknown')));
    },
    {
      // Without events (socket down or late) the job's own row says how far it got.
      active: jobId !== null,
      read: async () => {
        const { data } = await client.query({ query: CASE_FILE_IMPORT_STATE, variables: { id: jobId! }, fetchPolicy: 'network-only' });
        if (!data) return null;
        const { status, done, total } = data.caseFileImport;
        return { done, total, finished: status === 'DONE' || status === 'FAILED', failed: status === 'FAILED' };
      },
    },
  );

  const upload = async (file: File): Promise<void> => {
    setReport(null);
    setJobId(null);
    setProgress(0);
    try {
      const { status, body } = await uploadWithProgress<(SheetImportReport & { message?: string | string[] }) | { id: string }>(
        URLS[kind],
        file,
        setProgress,
      );
      if (status === 202 && body && 'id' in body) setJobId(body.id);
      else if (status >= 200 && status < 300 && body && 'ok' in body) setReport(body);
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
            setJobId(null);
          }}
          optionType="button"
          data-testid="import-kind"
          options={KINDS.map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) }))}
        />
      </Space>
      <Alert type="info" showIcon title={t('import.hint')} description={t('import.columns', { columns: COLUMNS[kind] })} />
      <FileDropZone
        testId="import-upload"
        extensions={['.xlsx', '.csv']}
        maxBytes={MAX_BYTES}
        disabled={progress !== null || (job !== null && !job.finished)}
        hint={t('import.drop')}
        badType={t('import.badType')}
        tooLarge={t('import.tooLarge')}
        onFile={(file) => void upload(file)}
      />
      {progress !== null && (
        <div>
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={progress} status="active" data-testid="import-progress" />
        </div>
      )}
      {job && <JobProgressBar progress={job} label="import.running" testId="import-job-progress" />}
      {report && <ImportReport report={report} reasonZh={reasonZh} testId="import" />}
    </Space>
  );
}
