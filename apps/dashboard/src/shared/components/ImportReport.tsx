import { Alert, Space, Table } from 'antd';
import { useLocale, useT } from '../../i18n/useT';

/** What a sheet import answers: the counts written, or every bad row (and then nothing was written). */
export interface SheetImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; reason: string }[];
}

/**
 * A sheet import's outcome: one line saying what was written or that nothing was, then every bad
 * row with its column and reason (in Chinese through `reasonZh` when the screen is in Chinese).
 * Test ids: `<testId>-result` and `<testId>-errors`.
 */
export function ImportReport({
  report,
  reasonZh,
  testId,
  pageSize = 20,
}: {
  report: SheetImportReport;
  reasonZh(reason: string): string;
  testId: string;
  pageSize?: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        data-testid={`${testId}-result`}
        type={report.ok ? 'success' : 'error'}
        showIcon
        title={
          report.ok
            ? t('import.ok', { rows: report.rows, created: report.created, updated: report.updated })
            : t('import.failed', { count: report.errors.length })
        }
      />
      {report.errors.length > 0 && (
        <Table
          data-testid={`${testId}-errors`}
          title={() => t('import.errors')}
          size="small"
          rowKey={(row) => `${row.row}-${row.column}-${row.reason}`}
          dataSource={report.errors}
          pagination={{ pageSize, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.column'), dataIndex: 'column', width: 160 },
            {
              title: t('import.reason'),
              dataIndex: 'reason',
              render: (reason: string) => (locale === 'zh-CN' ? reasonZh(reason) : reason),
            },
          ]}
        />
      )}
    </Space>
  );
}
