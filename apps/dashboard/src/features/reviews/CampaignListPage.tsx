import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { CreateCampaignDrawer } from './CreateCampaignDrawer';
import { CAMPAIGNS, type Campaign, type CampaignStage } from './operations';

export function StageTag({ stage }: { stage: CampaignStage }) {
  const t = useT();
  const color = stage === 'PUBLISHED' ? 'green' : stage === 'REVIEWING' || stage === 'RECHECK' ? 'blue' : 'default';
  return (
    <Tag color={color} data-testid="campaign-stage">
      {t(`rv.stage.${stage}` as MessageKey)}
    </Tag>
  );
}

/** 评查方案 list; inspectors create one with a step form. */
export function CampaignListPage() {
  const t = useT();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const { data, loading } = useQuery(CAMPAIGNS, { variables: paging, fetchPolicy: 'cache-and-network' });
  const campaigns = data?.reviewCampaigns.items ?? [];

  return (
    <Card
      title={t('rv.campaigns')}
      data-testid="campaigns-page"
      extra={
        hasRole(Role.INSPECTOR) && (
          <Space>
            <Button onClick={() => void navigate('/reviews/rechecks')} data-testid="recheck-queue-link">
              {t('rv.rechecks')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-new">
              {t('rv.new')}
            </Button>
          </Space>
        )
      }
    >
      <Table<Campaign>
        data-testid="campaigns-table"
        rowKey="id"
        loading={loading}
        dataSource={campaigns}
        scroll={{ x: 900 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.reviewCampaigns.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('rv.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/reviews/${row.id}`}>{name}</Link> },
          { title: t('rv.year'), dataIndex: 'year', width: 80 },
          { title: t('rv.period'), key: 'period', width: 210, render: (_, row) => `${row.periodFrom} ~ ${row.periodTo}` },
          { title: t('rv.stage'), dataIndex: 'stage', width: 100, render: (stage: CampaignStage) => <StageTag stage={stage} /> },
          { title: t('rv.seed'), dataIndex: 'seed', width: 160, render: (seed: string | null) => seed ?? '—' },
          {
            title: t('rv.drawnAt'),
            dataIndex: 'drawnAt',
            width: 150,
            render: (v: string | null) => (v ? formatInShanghai(v, 'YYYY-MM-DD HH:mm') : '—'),
          },
        ]}
      />
      {creating && (
        <CreateCampaignDrawer
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/reviews/${created}`);
          }}
        />
      )}
    </Card>
  );
}
