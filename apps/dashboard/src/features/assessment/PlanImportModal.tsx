import { Alert, App, Modal, Progress, Space } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/useT';
import { FileDropZone } from '../../shared/components/FileDropZone';
import { ImportReport, type SheetImportReport } from '../../shared/components/ImportReport';
import { restErrorMessage } from '../../shared/http/restError';
import { uploadWithProgress } from '../../shared/http/uploadWithProgress';
import { reasonZh as commonReasonZh } from '../../shared/errors/reasonZh';
import type { Scope } from './AssessmentPage';

const COLUMNS =
  '重点任务编号、重点任务、措施编号、具体措施、牵头单位编码、责任单位编码（多个用顿号分隔）、完成时限（YYYY-MM-DD）、对应指标';
const MAX_BYTES = 10 * 1024 * 1024;

/** The plan sheet's reasons that the admin import does not know, in Chinese. */
const PLAN_REASONS: [RegExp, string][] = [
  [/^no unit (.*) in your region$/, '您的辖区内没有单位“$1”'],
  [/^must be a date YYYY-MM-DD, got "(.*)"$/, '须为日期（如 2026-06-30），实际为“$1”'],
  [/^must fall in (\d+)$/, '须在 $1 年内'],
  [/^no indicator (\S+) in (.*)$/, '指标体系 $2 中没有指标 $1'],
  [/^differs from an earlier row of task (.*)$/, '与重点任务 $1 前面行的名称不一致'],
];
const reasonZh = (reason: string): string => {
  const known = PLAN_REASONS.find(([pattern]) => pattern.test(reason));
  return known ? reason.replace(known[0], known[1]) : commonReasonZh(reason);
};

/** Imports the year's plan sheet into the chosen framework; a sheet with any bad row writes nothing and lists every error. */
export function PlanImportModal({ scope, onClose }: { scope: Scope; onClose(imported: boolean): void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<SheetImportReport | null>(null);

  const upload = async (file: File): Promise<void> => {
    setReport(null);
    setProgress(0);
    try {
      const { status, body } = await uploadWithProgress<SheetImportReport>(
        `/imports/assessment/${scope.frameworkId}/plan/${scope.year}`,
        file,
        setProgress,
      );
      if (status >= 200 && status < 300 && body) setReport(body);
      else void message.error(restErrorMessage(status, body, locale));
    } catch {
      void message.error(t('error.network'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('as.importPlanTitle', { year: scope.year })}
      footer={null}
      onCancel={() => onClose(report?.ok ?? false)}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('import.hint')} description={t('import.columns', { columns: COLUMNS })} />
        <FileDropZone
          testId="as-plan-upload"
          extensions={['.xlsx', '.csv']}
          maxBytes={MAX_BYTES}
          disabled={progress !== null}
          hint={t('import.drop')}
          badType={t('import.badType')}
          tooLarge={t('import.tooLarge')}
          onFile={(file) => void upload(file)}
        />
        {progress !== null && <Progress percent={progress} status="active" />}
        {report && <ImportReport report={report} reasonZh={reasonZh} testId="as-plan" pageSize={10} />}
      </Space>
    </Modal>
  );
}
