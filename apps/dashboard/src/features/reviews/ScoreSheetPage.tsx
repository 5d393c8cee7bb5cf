import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { evaluate, type Evaluation, type ItemAnswer, type RubricItem } from '@ducha/scoring';
import { Affix, Alert, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { gradeLabel } from '../../shared/grades/gradeLabel';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { formatInShanghai } from '../../shared/time/dayjs';
import { CASE_FILE, MY_SHEETS, REVIEW_FILES, RUBRIC, RUBRICS, SAVE_SHEET, SUBMIT_SHEET, type SheetRow } from './operations';
import { RubricForm } from './RubricForm';

type AnswerMap = Record<string, ItemAnswer | undefined>;
const AUTOSAVE_MS = 1200;

/** My files to score: the case file's facts beside the rubric; the score updates as I type, drafts save themselves. */
export function ScoreSheetPage() {
  const t = useT();
  const { campaignId = '', sheetId = '' } = useParams();
  const sheets = useQuery(MY_SHEETS, { variables: { campaignId, page: 1, pageSize: 200 } });
  const sheet = sheets.data?.myScoreSheets.items.find((s) => s.id === sheetId);
  const rubrics = useQuery(RUBRICS, { variables: { page: 1, pageSize: 200 } });
  const rubricRow = rubrics.data?.rubrics.items.find((r) => r.id === sheet?.rubricId);
  const rubric = useQuery(RUBRIC, { variables: { code: rubricRow?.code ?? '', version: rubricRow?.version ?? '' }, skip: !rubricRow });
  const files = useQuery(REVIEW_FILES, { variables: { campaignId, page: 1, pageSize: 200 } });
  const file = files.data?.reviewFiles.items.find((f) => f.id === sheet?.reviewFileId);
  const caseFile = useQuery(CASE_FILE, { variables: { id: file?.caseFileId ?? '' }, skip: !file });
  const template = rubric.data?.rubric.template;

  const [answers, setAnswers] = useState<AnswerMap | null>(null);
  const [submitted, setSubmitted] = useState<SheetRow | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const version = useRef<number | null>(null);
  const dirty = useRef(false);
  const saving = useRef<Promise<unknown> | null>(null);
  const [save] = useMutationWithToast(SAVE_SHEET);
  const [submit, submitting] = useMutationWithToast(SUBMIT_SHEET, {
    success: (d) => t('rv.submitted', { score: d.submitScoreSheet.score ?? 0 }),
  });

  useEffect(() => {
    if (sheet && answers === null) {
      setAnswers({ ...(sheet.answers as AnswerMap) });
      version.current = sheet.version;
      if (sheet.status === 'SUBMITTED') setSubmitted(sheet);
    }
  }, [sheet, answers]);

  const live = useMemo((): { result: Evaluation | null; error: string | null } => {
    if (!template || !answers) return { result: null, error: null };
    try {
      return { result: evaluate(template, answers), error: null };
    } catch (error) {
      return { result: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [template, answers]);

  const flush = async (): Promise<void> => {
    if (saving.current) await saving.current;
    if (!dirty.current || !answers || version.current === null) return;
    dirty.current = false;
    const run = save({ input: { sheetId, version: version.current, answers } }).then((data) => {
      if (data) {
        version.current = data.saveScoreSheet.version;
        setSavedAt(formatInShanghai(Date.now(), 'HH:mm:ss'));
      }
    });
    saving.current = run;
    await run;
    saving.current = null;
  };

  // Draft autosave: a short pause after the last change.
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  });

  if (sheets.loading && !sheet) return <Spin />;
  if (!sheet) return <Alert type="error" showIcon title={t('error.NOT_FOUND')} />;
  const readOnly = !!submitted || sheet.status === 'SUBMITTED';
  const change = (code: string, answer: ItemAnswer | undefined): void => {
    dirty.current = true;
    setAnswers((prev) => ({ ...prev, [code]: answer }));
  };
  const doSubmit = async (): Promise<void> => {
    if (saving.current) await saving.current;
    if (!answers || version.current === null) return;
    const data = await submit({ input: { sheetId, version: version.current, answers } });
    if (data) {
      dirty.current = false;
      setSubmitted(data.submitScoreSheet);
    }
  };
  /** 未评得分项按满分: a reviewer starts from full marks and takes off what the file lacks. */
  const fillUnanswered = (codes: readonly string[]): void => {
    if (!template) return;
    const max = new Map<string, number>();
    const walk = (items: readonly RubricItem[]): void => items.forEach((i) => (max.set(i.code, i.maxPoints ?? 0), walk(i.children ?? [])));
    template.sections.forEach((section) => walk(section.items));
    dirty.current = true;
    setAnswers((prev) => ({
      ...prev,
      ...Object.fromEntries(codes.map((code) => [code, { ...prev?.[code], points: max.get(code) ?? 0 }])),
    }));
  };
  const cf = caseFile.data?.caseFile;
  const result = live.result;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="score-page">
      <Space wrap>
        <Link to={`/reviews/${campaignId}`}>
          <ArrowLeftOutlined /> {t('rv.backToCampaign')}
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {file?.fileNo} · {file?.departmentName}
        </Typography.Title>
        <Typography.Text type="secondary">{rubricRow?.name}</Typography.Text>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Affix offsetTop={72}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Card size="small" title={t('rv.liveScore')} data-testid="live-score">
                <Space size="large" align="end">
                  <Statistic
                    value={result ? result.score : '—'}
                    precision={result ? 2 : undefined}
                    styles={{ content: { color: result?.vetoHits.length ? '#cf1322' : undefined } }}
                  />
                  <Typography.Text strong data-testid="live-grade">
                    {gradeLabel(t, result?.grade, result?.gradeLabel)}
                  </Typography.Text>
                </Space>
                {result && result.vetoHits.length > 0 && <Alert type="error" showIcon title={t('rv.vetoHit')} style={{ marginTop: 8 }} />}
                {result && result.unanswered.length > 0 && (
                  <Space wrap style={{ marginTop: 8 }}>
                    <Typography.Text type="warning">{t('rv.unanswered', { count: result.unanswered.length })}</Typography.Text>
                    {!readOnly && template && (
                      <Button size="small" onClick={() => fillUnanswered(result.unanswered)} data-testid="fill-full-marks">
                        {t('rv.fillFullMarks')}
                      </Button>
                    )}
                  </Space>
                )}
                {live.error && <Alert type="warning" showIcon title={live.error} style={{ marginTop: 8 }} />}
                {submitted && (
                  <Alert
                    type="success"
                    showIcon
                    style={{ marginTop: 8 }}
                    data-testid="server-score"
                    title={t('rv.serverScore', {
                      score: submitted.score ?? 0,
                      grade: gradeLabel(t, submitted.grade),
                    })}
                  />
                )}
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {readOnly ? t('rv.readOnly') : savedAt ? t('rv.autosaved', { time: savedAt }) : ''}
                </Typography.Paragraph>
                {!readOnly && (
                  <Popconfirm
                    title={t('rv.confirmSubmit', { score: result?.score ?? '—', grade: gradeLabel(t, result?.grade, result?.gradeLabel) })}
                    onConfirm={() => void doSubmit()}
                    okButtonProps={{ 'data-testid': 'sheet-submit-confirm' } as Record<`data-${string}`, string>}
                  >
                    <Button
                      type="primary"
                      block
                      loading={submitting.loading}
                      disabled={!result}
                      data-testid="sheet-submit"
                      style={{ marginTop: 8 }}
                    >
                      {t('rv.submit')}
                    </Button>
                  </Popconfirm>
                )}
              </Card>
              {cf && (
                <Card size="small" title={t('rv.facts')} data-testid="case-facts">
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('rv.fact.cause')}>{cf.cause}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.party')}>{cf.partyName}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.sector')}>{cf.sector}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.filed')}>{cf.filedDate}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.decided')}>{cf.decisionDate ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.closed')}>{cf.closedDate}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.fine')}>
                      {t('rv.fact.yuan', { amount: (cf.fineFen / 100).toFixed(2) })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.major')}>{t(cf.major ? 'common.yes' : 'common.no')}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.hearing')}>{t(cf.hearingHeld ? 'common.yes' : 'common.no')}</Descriptions.Item>
                    <Descriptions.Item label={t('rv.fact.officers')}>{cf.officerCertificateNos.join('、')}</Descriptions.Item>
                  </Descriptions>
                </Card>
              )}
            </Space>
          </Affix>
        </Col>
        <Col xs={24} lg={16}>
          {template && answers ? <RubricForm template={template} answers={answers} readOnly={readOnly} onChange={change} /> : <Spin />}
        </Col>
      </Row>
    </Space>
  );
}
