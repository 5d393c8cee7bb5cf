import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { CREATE_USER, UPDATE_USER, USERS, type UserRow } from './operations';
import { useDirectory } from './useDirectory';

interface UserForm {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  password: string;
}

/** 用户与角色: accounts of the admin's area, their unit, roles and status. */
export function UsersTab() {
  const t = useT();
  const directory = useDirectory();
  const [filters, setFilters] = useState<{ search?: string; unitId?: string }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const { data, loading, refetch } = useQuery(USERS, { variables: { ...paging, ...filters } });
  const [update] = useMutationWithToast(UPDATE_USER, { success: 'common.saved' });
  const unitOptions = directory.units.map((u) => ({ value: u.id, label: u.name }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form
        layout="inline"
        onFinish={(values: { search?: string; unitId?: string }) => {
          setFilters({ search: values.search?.trim() || undefined, unitId: values.unitId });
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="search">
          <Input allowClear placeholder={t('user.searchPlaceholder')} style={{ width: 200 }} data-testid="user-search" />
        </Form.Item>
        <Form.Item name="unitId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('user.unit')}
            style={{ width: 220 }}
            options={unitOptions}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button style={{ marginLeft: 'auto' }} icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-new">
          {t('user.new')}
        </Button>
      </Form>
      <Table<UserRow>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.users.items ?? []}
        scroll={{ x: 800 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.users.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('user.username'), dataIndex: 'username', width: 130 },
          { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
          { title: t('user.unit'), dataIndex: 'unitId', render: (id: string) => directory.unitName(id) },
          {
            title: t('user.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((role) => <Tag key={role}>{t(`role.${role}`)}</Tag>),
          },
          {
            title: t('user.status'),
            key: 'status',
            width: 90,
            render: (_, row) =>
              row.disabled ? (
                <Tag color="red">{t('user.disabled')}</Tag>
              ) : row.lockedUntil && new Date(row.lockedUntil) > new Date() ? (
                <Tag color="orange">{t('user.locked')}</Tag>
              ) : (
                <Tag color="green">{t('user.active')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, row) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  danger={!row.disabled}
                  onClick={() =>
                    void update({ input: { id: row.id, version: row.version, disabled: !row.disabled } }).then(() => refetch())
                  }
                >
                  {t(row.disabled ? 'user.enable' : 'user.disable')}
                </Button>
                <Link to={`/admin/audit?target=${row.id}`}>{t('audit.open')}</Link>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          onClose={(changed) => {
            setEditing(null);
            if (changed) void refetch();
          }}
        />
      )}
    </Space>
  );
}

function UserModal({
  user,
  unitOptions,
  onClose,
}: {
  user: UserRow | null;
  unitOptions: { value: string; label: string }[];
  onClose(changed: boolean): void;
}) {
  const t = useT();
  const [form] = Form.useForm<UserForm>();
  const [create, creating] = useMutationWithToast(CREATE_USER, { success: 'common.created', form });
  const [update, updating] = useMutationWithToast(UPDATE_USER, { success: 'common.saved', form });
  const submit = async (values: UserForm): Promise<void> => {
    const done = user
      ? await update({
          input: { id: user.id, version: user.version, displayName: values.displayName, unitId: values.unitId, roles: values.roles },
        })
      : await create({ input: { ...values, username: values.username.trim() } });
    if (done) onClose(true);
  };
  return (
    <Modal
      open
      title={t(user ? 'user.edit' : 'user.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={creating.loading || updating.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={user ?? { roles: [Role.DEPARTMENT_OFFICER] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('user.usernameRule') }]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, message: t('common.required') }]}>
          <Select mode="multiple" options={Object.values(Role).map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('user.password')}
            rules={[{ required: true, min: 8, max: 128, message: t('user.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
