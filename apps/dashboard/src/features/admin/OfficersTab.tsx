import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { inShanghai } from '../../shared/time/dayjs';
import { CREATE_OFFICER, OFFICERS, type OfficerRow } from './operations';
import { useDirectory } from './useDirectory';

interface OfficerForm {
  certificateNo: string;
  name: string;
  unitId: string;
  validity: [Dayjs, Dayjs];
  legalQualification: boolean;
  legalReviewer: boolean;
}

/** 执法人员: the enforcement-certificate registry. */
export function OfficersTab() {
  const t = useT();
  const directory = useDirectory();
  const [filters, setFilters] = useState<{ search?: string; unitId?: string; legalReviewer?: boolean }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const { data, loading, refetch } = useQuery(OFFICERS, { variables: { ...paging, ...filters } });
  const unitOptions = directory.units.map((u) => ({ value: u.id, label: u.name }));
  const today = inShanghai().format('YYYY-MM-DD');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form
        layout="inline"
        onFinish={(values: { search?: string; unitId?: string; legalReviewer?: boolean }) => {
          setFilters({
            search: values.search?.trim() || undefined,
            unitId: values.unitId,
            legalReviewer: values.legalReviewer || undefined,
          });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="search">
          <Input allowClear placeholder={t('officer.searchPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="unitId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('officer.unit')}
            style={{ width: 220 }}
            options={unitOptions}
          />
        </Form.Item>
        <Form.Item name="legalReviewer" valuePropName="checked">
          <Checkbox>{t('officer.legalReviewer')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button style={{ marginLeft: 'auto' }} icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('officer.new')}
        </Button>
      </Form>
      <Table<OfficerRow>
        data-testid="officers-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.officers.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.officers.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('officer.certificateNo'), dataIndex: 'certificateNo', width: 150 },
          { title: t('officer.name'), dataIndex: 'name', width: 100 },
          { title: t('officer.unit'), dataIndex: 'unitId', render: (id: string) => directory.unitName(id) },
          {
            title: t('officer.validTo'),
            key: 'validity',
            width: 220,
            render: (_, row) => (
              <Space size={4}>
                {row.validFrom} ~ {row.validTo}
                {row.validTo < today && <Tag color="red">{t('officer.expired')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('officer.legalQualification'),
            dataIndex: 'legalQualification',
            width: 110,
            render: (v: boolean) => t(v ? 'common.yes' : 'common.no'),
          },
          {
            title: t('officer.legalReviewer'),
            dataIndex: 'legalReviewer',
            width: 110,
            render: (v: boolean) => t(v ? 'common.yes' : 'common.no'),
          },
        ]}
      />
      {creating && (
        <OfficerModal
          unitOptions={unitOptions}
          onClose={(changed) => {
            setCreating(false);
            if (changed) void refetch();
          }}
        />
      )}
    </Space>
  );
}

function OfficerModal({ unitOptions, onClose }: { unitOptions: { value: string; label: string }[]; onClose(changed: boolean): void }) {
  const t = useT();
  const [form] = Form.useForm<OfficerForm>();
  const [create, state] = useMutationWithToast(CREATE_OFFICER, { success: 'common.created', form });
  const submit = async ({ validity, ...values }: OfficerForm): Promise<void> => {
    const done = await create({
      input: {
        ...values,
        certificateNo: values.certificateNo.trim(),
        kind: 'ADMINISTRATIVE_ENFORCEMENT',
        validFrom: validity[0].format('YYYY-MM-DD'),
        validTo: validity[1].format('YYYY-MM-DD'),
      },
    });
    if (done) onClose(true);
  };
  return (
    <Modal
      open
      title={t('officer.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={state.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form<OfficerForm>
        form={form}
        layout="vertical"
        initialValues={{ legalQualification: false, legalReviewer: false }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="certificateNo"
          label={t('officer.certificateNo')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9-]{4,40}$/, message: t('common.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('officer.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitId" label={t('officer.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
        </Form.Item>
        <Form.Item
          name="validity"
          label={`${t('officer.validFrom')} ~ ${t('officer.validTo')}`}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="legalQualification" valuePropName="checked">
          <Checkbox>{t('officer.legalQualification')}</Checkbox>
        </Form.Item>
        <Form.Item name="legalReviewer" valuePropName="checked">
          <Checkbox>{t('officer.legalReviewer')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
