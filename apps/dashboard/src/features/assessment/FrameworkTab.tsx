import { UploadOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Role } from '@ducha/contracts';
import { Alert, App, Button, Descriptions, Modal, Space, Spin, Tag, Tree, Upload } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { useAuth } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import type { Scope } from './AssessmentPage';
import { FRAMEWORK, FRAMEWORKS, IMPORT_FRAMEWORK, type FrameworkTemplate, type IndicatorNode } from './operations';

function methodTag(method: string | undefined, t: ReturnType<typeof useT>) {
  if (!method) return null;
  const kind = method.split(':')[0];
  const color = kind === 'SELF_REPORT' ? 'purple' : kind === 'DATA' ? 'blue' : 'cyan';
  return (
    <Tag color={color} title={method}>
      {kind === 'SELF_REPORT' ? t('as.method.SELF_REPORT') : kind === 'DATA' ? t('as.method.DATA') : t('as.method.RATE')}
    </Tag>
  );
}

function treeData(nodes: readonly IndicatorNode[], t: ReturnType<typeof useT>): DataNode[] {
  return nodes.map((n) => ({
    key: n.code,
    title: (
      <Space size={4}>
        <Tag>{t('as.level', { level: n.level })}</Tag>
        <span>
          {n.code} {n.title}
        </span>
        {n.weight !== undefined && <Tag color="gold">{t('as.points', { points: n.weight })}</Tag>}
        {methodTag(n.method, t)}
      </Space>
    ),
    children: n.children ? treeData(n.children, t) : undefined,
  }));
}

/** The indicator levels of a framework as a tree with points and scoring methods. */
export function IndicatorTree({ template }: { template: FrameworkTemplate }) {
  const t = useT();
  return (
    <div data-testid="as-indicator-tree">
      <Tree showLine defaultExpandAll selectable={false} treeData={treeData(template.indicators, t)} />
    </div>
  );
}

/** 指标体系: the chosen framework's tree; administrators import a new version after previewing it. */
export function FrameworkTab({ scope }: { scope: Scope }) {
  const t = useT();
  const { hasRole } = useAuth();
  const [importing, setImporting] = useState(false);
  const { data, loading } = useQuery(FRAMEWORK, { variables: { id: scope.frameworkId } });
  const fw = data?.assessmentFramework;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        {fw && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('as.framework.code')}>{fw.code}</Descriptions.Item>
            <Descriptions.Item label={t('as.framework.version')}>{fw.version}</Descriptions.Item>
            <Descriptions.Item label={t('as.framework.count')}>{fw.indicatorCount}</Descriptions.Item>
          </Descriptions>
        )}
        {hasRole(Role.ADMIN) && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="as-framework-import">
            {t('as.importFramework')}
          </Button>
        )}
      </Space>
      <Spin spinning={loading}>{fw && <IndicatorTree template={fw.template} />}</Spin>
      {importing && <FrameworkImportModal onClose={() => setImporting(false)} />}
    </Space>
  );
}

function FrameworkImportModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [framework, setFramework] = useState<FrameworkTemplate | null>(null);
  const [run, state] = useMutationWithToast(IMPORT_FRAMEWORK, { success: 'as.frameworkImported' });
  const read = async (file: File): Promise<void> => {
    try {
      const parsed = JSON.parse(await file.text()) as FrameworkTemplate;
      if (!Array.isArray(parsed.indicators)) throw new Error('no indicators');
      setFramework(parsed);
    } catch {
      setFramework(null);
      void message.error(t('as.badFrameworkFile'));
    }
  };
  return (
    <Modal
      open
      width={860}
      title={t('as.importFramework')}
      okText={t('as.confirmImport')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !framework, 'data-testid': 'as-framework-confirm' }}
      confirmLoading={state.loading}
      onCancel={onClose}
      onOk={() =>
        void run({ framework }).then(async (d) => {
          if (!d) return;
          await client.refetchQueries({ include: [FRAMEWORKS] });
          onClose();
        })
      }
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('as.frameworkHint')} />
        <Upload
          accept=".json"
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('as.chooseJson')}</Button>
        </Upload>
        {framework && (
          <>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t('as.framework.name')}>{framework.name}</Descriptions.Item>
              <Descriptions.Item label={t('as.framework.version')}>
                {framework.code} {framework.version}
              </Descriptions.Item>
            </Descriptions>
            <div style={{ maxHeight: 420, overflow: 'auto' }}>
              <IndicatorTree template={framework} />
            </div>
          </>
        )}
      </Space>
    </Modal>
  );
}
