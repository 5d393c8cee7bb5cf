import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Input, Popconfirm, Progress, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ScreenFailures } from './ScreenFailures';
import type { MessageKey } from '../../i18n/locales';
import { useLocale, useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { restErrorMessage } from '../../shared/http/restError';
import { uploadWithProgress } from '../../shared/http/uploadWithProgress';
import { CHECK, SAVE_CHECK, SUBMIT_CHECK, type CheckItem } from './operations';

interface Draft {
  result: string | null;
  note: string | null;
  overrideReason: string | null;
}
const RESULTS = ['PASS', 'PARTIAL', 'FAIL', 'NOT_APPLICABLE'];
const MAX_BYTES = 20 * 1024 * 1024;

/** One department's checklist: screen results pre-filled with their failing files, override with a reason, evidence per item, submit. */
export function CheckPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { roundId = '', checkId = '' } = useParams();
  const { data, refetch } = useQuery(CHECK, { variables: { id: checkId } });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [progress, setProgress] = useState<{ item: string; percent: number } | null>(null);
  const [save, saving] = useMutationWithToast(SAVE_CHECK, { success: 'cp.saved' });
  const [submit, submitting] = useMutationWithToast(SUBMIT_CHECK, { success: 'task.done' });
  const check = data?.complianceCheck;

  useEffect(() => {
    if (!check) return;
    setDrafts(
      Object.fromEntries(
        check.items.map((i) => [i.itemCode, { result: i.result ?? i.screenResult, note: i.note, overrideReason: i.overrideReason }]),
      ),
    );
  }, [check]);

  if (!check) return <Spin />;
  const readOnly = check.status === 'SUBMITTED';
  const needsReason = (item: CheckItem): boolean =>
    !!item.screenResult && drafts[item.itemCode]?.result !== item.screenResult && !drafts[item.itemCode]?.overrideReason?.trim();
  const missing = check.items.filter(needsReason);
  const patch = (code: string, change: Partial<Draft>): void => setDrafts((d) => ({ ...d, [code]: { ...d[code]!, ...change } }));

  const doSave = async (): Promise<number | null> => {
    const items = Object.entries(drafts)
      .filter(([, d]) => d.result)
      .map(([itemCode, d]) => ({
        itemCode,
        result: d.result!,
        note: d.note?.trim() || null,
        overrideReason: d.overrideReason?.trim() || null,
      }));
    const saved = await save({ input: { checkId, version: check.version, items } });
    if (saved) await refetch();
    return saved ? saved.saveComplianceCheck.version : null;
  };
  const submitAll = async (): Promise<void> => {
    const version = await doSave();
    if (version === null) return;
    if (await submit({ checkId, version })) await refetch();
  };
  const upload = async (item: CheckItem, file: File): Promise<void> => {
    setProgress({ item: item.itemCode, percent: 0 });
    try {
      const { status, body } = await uploadWithProgress(
        `/files/compliance/checks/${checkId}/items/${encodeURIComponent(item.itemCode)}`,
        file,
        (percent) => setProgress({ item: item.itemCode, percent }),
      );
      if (status >= 200 && status < 300) {
        void message.success(t('task.uploaded', { name: file.name }));
        void refetch();
      } else void message.error(t('task.uploadFailed', { message: restErrorMessage(status, body, locale) }));
    } catch {
      void message.error(t('error.network'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="check-page">
      <Space wrap>
        <Link to={`/compliance/${roundId}`}>
          <ArrowLeftOutlined /> {t('cp.back')}
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {check.departmentName}
        </Typography.Title>
        <Tag>{t(`cp.status.${check.status}` as MessageKey)}</Tag>
        {check.score !== null && <Tag color="blue">{`${t('cp.score')} ${check.score}`}</Tag>}
      </Space>
      {!readOnly && missing.length > 0 && (
        <Alert type="warning" showIcon title={`${t('cp.overrideRequired')}：${missing.map((i) => i.itemCode).join('、')}`} />
      )}
      <Table<CheckItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={check.items}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('cp.system'), dataIndex: 'system', width: 120, render: (s: string) => t(`cp.system.${s}` as MessageKey) },
          { title: t('cp.item'), key: 'item', render: (_, i) => `${i.itemCode} ${i.title}` },
          { title: t('cp.weight'), dataIndex: 'weight', width: 60 },
          {
            title: t('cp.screen'),
            key: 'screen',
            width: 220,
            render: (_, i) =>
              i.screenResult ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={i.screenResult === 'PASS' ? 'green' : 'red'}>
                    {t(`cp.result.${i.screenResult}` as MessageKey)} {i.screenTotal !== null ? `${i.screenPassed}/${i.screenTotal}` : ''}
                  </Tag>
                  {i.screenFailures.length > 0 && <ScreenFailures failures={i.screenFailures} omitted={i.screenFailuresOmitted} />}
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('cp.result'),
            key: 'result',
            width: 300,
            render: (_, i) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Select
                  value={drafts[i.itemCode]?.result ?? undefined}
                  disabled={readOnly}
                  style={{ width: 130 }}
                  onChange={(v: string) => patch(i.itemCode, { result: v })}
                  options={RESULTS.filter((r) => r !== 'NOT_APPLICABLE' || i.mayNotApply).map((r) => ({
                    value: r,
                    label: t(`cp.result.${r}` as MessageKey),
                  }))}
                />
                {i.screenResult && drafts[i.itemCode]?.result && drafts[i.itemCode]?.result !== i.screenResult && (
                  <Input
                    status={needsReason(i) ? 'error' : undefined}
                    placeholder={t('cp.overrideReason')}
                    disabled={readOnly}
                    value={drafts[i.itemCode]?.overrideReason ?? ''}
                    onChange={(e) => patch(i.itemCode, { overrideReason: e.target.value })}
                  />
                )}
                <Input
                  placeholder={t('cp.note')}
                  disabled={readOnly}
                  value={drafts[i.itemCode]?.note ?? ''}
                  onChange={(e) => patch(i.itemCode, { note: e.target.value })}
                />
              </Space>
            ),
          },
          {
            title: t('cp.evidence'),
            key: 'files',
            width: 200,
            render: (_, i) => (
              <Space orientation="vertical" size={2}>
                {i.files.map((f) => (
                  <Typography.Text key={f.id} style={{ fontSize: 12 }}>
                    {f.fileName}
                  </Typography.Text>
                ))}
                {progress?.item === i.itemCode && <Progress percent={progress.percent} size="small" />}
                {!readOnly && (
                  <Upload
                    showUploadList={false}
                    beforeUpload={(file) => {
                      if (file.size > MAX_BYTES) void message.error(t('task.uploadTooLarge'));
                      else void upload(i, file);
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} disabled={progress !== null} />
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
      {!readOnly && (
        <Space>
          <Button
            onClick={() =>
              setDrafts((d) =>
                Object.fromEntries(Object.entries(d).map(([code, draft]) => [code, draft.result ? draft : { ...draft, result: 'PASS' }])),
              )
            }
            data-testid="fill-pass"
          >
            {t('cp.fillPass')}
          </Button>
          <Button loading={saving.loading} onClick={() => void doSave()} disabled={missing.length > 0}>
            {t('cp.save')}
          </Button>
          <Popconfirm title={t('cp.confirmSubmit')} disabled={missing.length > 0} onConfirm={() => void submitAll()}>
            <Button type="primary" loading={submitting.loading} disabled={missing.length > 0}>
              {t('cp.submit')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  );
}
