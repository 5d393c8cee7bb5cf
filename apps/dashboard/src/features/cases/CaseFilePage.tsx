import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useErrorMessage } from '../../shared/errors/useErrorMessage';
import { CASE_FILE_DETAIL, type CaseFileDetail } from './operations';
import { useUnitNames } from './useUnitNames';

function legalReview(t: ReturnType<typeof useT>, c: CaseFileDetail): string {
  if (c.legalReviewPassed === null) return t('case.legalReview.none');
  if (!c.legalReviewPassed) return t('case.legalReview.failed');
  return t('case.legalReview.passed', { from: c.legalReviewSubmittedDate ?? '—', to: c.legalReviewFinishedDate ?? '—' });
}

function audioVisual(t: ReturnType<typeof useT>, c: CaseFileDetail): string {
  if (c.avFiled) return t('case.av.filed');
  return c.avRecorded ? t('case.av.recorded') : t('case.av.none');
}

/** One case file's facts: dates, officers, legal review, disclosure, recording (what the screens judged). */
export function CaseFilePage() {
  const t = useT();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const units = useUnitNames();
  const { caseFileId = '' } = useParams();
  const { data, error } = useQuery(CASE_FILE_DETAIL, { variables: { id: caseFileId } });
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
      {t('case.back')}
    </Button>
  );
  if (error) return <Alert type="error" showIcon title={describe(error)} action={back} />;
  const c = data?.caseFile;
  if (!c) return <Spin />;
  const yes = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <Card
      data-testid="case-file-page"
      title={
        <Space wrap>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.fileNo}
          </Typography.Title>
          <Tag>{t(`caseType.${c.caseType}` as MessageKey)}</Tag>
          {c.major && <Tag color="orange">{t('case.major')}</Tag>}
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('case.department')}>{units.get(c.departmentId) ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('case.sector')}>{c.sector}</Descriptions.Item>
        <Descriptions.Item label={t('case.cause')} span={2}>
          {c.cause}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.party')}>{`${c.partyName}（${c.partyIdNoMasked}）`}</Descriptions.Item>
        <Descriptions.Item label={t('case.officers')}>{c.officerCertificateNos.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.filed')}>{c.filedDate}</Descriptions.Item>
        <Descriptions.Item label={t('case.decision')}>{c.decisionDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.disclosed')}>{c.disclosedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.closed')}>{c.closedDate}</Descriptions.Item>
        <Descriptions.Item label={t('case.legalReview')}>{legalReview(t, c)}</Descriptions.Item>
        <Descriptions.Item label={t('case.av')}>{audioVisual(t, c)}</Descriptions.Item>
        <Descriptions.Item label={t('case.fine')}>{(c.fineFen / 100).toFixed(2)}</Descriptions.Item>
        <Descriptions.Item label={t('case.hearing')}>{yes(c.hearingHeld)}</Descriptions.Item>
        <Descriptions.Item label={t('case.coercion')}>{c.onSiteCoercion ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
