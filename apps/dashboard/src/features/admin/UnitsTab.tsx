import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { UnitKind } from '@ducha/contracts';
import { Button, Col, Form, Input, Row, Select, Space, Table, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT';
import { RegionModal, UnitModal } from './UnitForms';
import { UNITS, type RegionRow, type UnitRow } from './operations';
import { useDirectory } from './useDirectory';

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function buildTree(regions: RegionRow[], levelName: (r: RegionRow) => string): TreeNode[] {
  const nodes = new Map<string, TreeNode>(regions.map((r) => [r.id, { key: r.id, title: `${r.name}（${levelName(r)}）`, children: [] }]));
  const roots: TreeNode[] = [];
  for (const region of regions) {
    const node = nodes.get(region.id)!;
    const parent = region.parentId ? nodes.get(region.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** 区划与单位: the region tree on the left, the units of the selected region on the right. */
export function UnitsTab() {
  const t = useT();
  const directory = useDirectory();
  const [regionId, setRegionId] = useState<string | undefined>();
  const [filters, setFilters] = useState<{ search?: string; kind?: UnitKind }>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  const [addingRegion, setAddingRegion] = useState(false);
  const { data, loading, refetch } = useQuery(UNITS, { variables: { ...paging, regionId, ...filters } });
  const tree = useMemo(() => buildTree(directory.regions, (r) => t(`region.level.${r.level}`)), [directory.regions, t]);
  const [form] = Form.useForm<{ search?: string; kind?: UnitKind }>();

  return (
    <Row gutter={16}>
      <Col flex="260px">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('region.tree')}</Typography.Text>
          {tree.length > 0 && (
            <Tree
              data-testid="region-tree"
              treeData={tree}
              defaultExpandAll
              selectedKeys={regionId ? [regionId] : []}
              onSelect={(keys) => {
                setRegionId(keys[0] as string | undefined);
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            />
          )}
          <Button icon={<PlusOutlined />} onClick={() => setAddingRegion(true)} data-testid="region-add">
            {t('region.add')}
          </Button>
        </Space>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Form
            form={form}
            layout="inline"
            onFinish={(values) => {
              setFilters({ search: values.search?.trim() || undefined, kind: values.kind });
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          >
            <Form.Item name="search">
              <Input allowClear placeholder={t('unit.searchPlaceholder')} data-testid="unit-search" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                allowClear
                placeholder={t('unit.kind')}
                style={{ width: 140 }}
                options={Object.values(UnitKind).map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button style={{ marginLeft: 'auto' }} icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="unit-new">
              {t('unit.new')}
            </Button>
          </Form>
          <Table<UnitRow>
            data-testid="units-table"
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.units.items ?? []}
            scroll={{ x: 800 }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: data?.units.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
            columns={[
              { title: t('unit.code'), dataIndex: 'code', width: 130 },
              { title: t('unit.name'), dataIndex: 'name' },
              { title: t('unit.kind'), dataIndex: 'kind', width: 110, render: (kind: UnitKind) => t(`unitKind.${kind}`) },
              { title: t('unit.region'), dataIndex: 'regionId', width: 140, render: (id: string) => directory.regionName(id) },
              {
                title: t('unit.enforcementBody'),
                dataIndex: 'isEnforcementBody',
                width: 100,
                render: (v: boolean, row) => (
                  <Space size={4}>
                    {v ? <Tag color="blue">{t('unit.enforcementBody')}</Tag> : null}
                    {row.isSupervisingOffice ? <Tag color="gold">{t('unit.supervisingOffice')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_, row) => (
                  <Space>
                    <Button type="link" size="small" onClick={() => setEditing(row)}>
                      {t('common.edit')}
                    </Button>
                    <Link to={`/admin/audit?target=${row.id}`}>{t('audit.open')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Col>
      {editing && (
        <UnitModal
          unit={editing === 'new' ? null : editing}
          defaultRegionId={regionId ?? directory.regions[0]?.id}
          regions={directory.regions}
          onClose={(changed) => {
            setEditing(null);
            if (changed) void refetch();
          }}
        />
      )}
      {addingRegion && (
        <RegionModal
          regions={directory.regions}
          defaultParentId={regionId ?? directory.regions[0]?.id}
          onClose={(changed) => {
            setAddingRegion(false);
            if (changed) void directory.refetchRegions();
          }}
        />
      )}
    </Row>
  );
}
