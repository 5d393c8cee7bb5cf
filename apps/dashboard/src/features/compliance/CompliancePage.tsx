import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../../app/auth/useAuth';
import type { MessageKey } from '../../i18n/locales';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { useInspectorOptions } from '../../shared/org/inspectors';
import { UNITS } from '../admin/operations';
import { CheckPage } from './CheckPage';
import { CHECKLISTS, CREATE_ROUND, ROUNDS, type RoundRow } from './operations';
import { RoundPage } from './RoundPage';

/** 三项制度检查: rounds, one round's checks, one department's checklist. */
export function CompliancePage() {
  return (
    <Routes>
      <Route index element={<RoundList />} />
      <Route path=":roundId" element={<RoundPage />} />
      <Route path=":roundId/checks/:checkId" element={<CheckPage />} />
    </Routes>
  );
}

function RoundList() {
  const t = useT();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const { data, loading } = useQuery(ROUNDS, { variables: paging, fetchPolicy: 'cache-and-network' });
  return (
    <Card
      title={t('cp.rounds')}
      data-testid="compliance-page"
      extra={
        hasRole(Role.INSPECTOR) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cp.new')}
          </Button>
        )
      }
    >
      <Table<RoundRow>
        rowKey="id"
        loading={loading}
        dataSource={data?.complianceRounds.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.complianceRounds.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('cp.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/compliance/${row.id}`}>{name}</Link> },
          { title: t('cp.period'), key: 'period', width: 220, render: (_, r) => `${r.periodFrom} ~ ${r.periodTo}` },
          { title: t('cp.stage'), dataIndex: 'stage', width: 100, render: (s: string) => <Tag>{t(`cp.stage.${s}` as MessageKey)}</Tag> },
          { title: t('cp.screening'), dataIndex: 'screening', width: 100, render: (s: string) => t(`cp.screening.${s}` as MessageKey) },
        ]}
      />
      {creating && <CreateRoundModal onClose={(id) => (setCreating(false), id && void navigate(`/compliance/${id}`))} />}
    </Card>
  );
}

function CreateRoundModal({ onClose }: { onClose(createdId: string | null): void }) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<{
    name: string;
    checklistId: string;
    departmentIds: string[];
    inspectorIds: string[];
    period: [Dayjs, Dayjs];
  }>();
  const inspectors = useInspectorOptions();
  const checklists = useQuery(CHECKLISTS, { variables: { page: 1, pageSize: 50 } });
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200, enforcementOnly: true } });
  const [create, state] = useMutationWithToast(CREATE_ROUND, { form, success: 'common.created' });
  return (
    <Modal
      open
      title={t('cp.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={state.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(null)}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ inspectorIds: [me.id] }}
        onFinish={(v) =>
          void create({
            input: {
              name: v.name.trim(),
              checklistId: v.checklistId,
              departmentIds: v.departmentIds,
              inspectorIds: v.inspectorIds,
              periodFrom: v.period[0].format('YYYY-MM-DD'),
              periodTo: v.period[1].format('YYYY-MM-DD'),
            },
          }).then((d) => d && onClose(d.createComplianceRound.id))
        }
      >
        <Form.Item name="name" label={t('cp.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="checklistId" label={t('cp.checklist')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={(checklists.data?.complianceChecklists.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.version}）` }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t('cp.period')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('cp.departments')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data?.units.items ?? []).filter((u) => !u.isSupervisingOffice).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('cp.inspectors')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            mode="multiple"
            loading={inspectors.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={inspectors.options}
            data-testid="round-inspectors"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
