import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import { isChecklistTemplate, validateTemplate, type ScoringTemplate, type TemplateError } from '@ducha/scoring';
import { Alert, App, Button, Card, Space, Table, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/useT';
import { FileDropZone } from '../../shared/components/FileDropZone';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { templateReasonZh } from './templateReasons';
import { countItems, templateTree } from './templateTree';

const MAX_BYTES = 2 * 1024 * 1024;

const IMPORT_RUBRIC: TypedDocumentNode<{ importRubric: { id: string } }, { template: unknown }> = gql`
  mutation ImportRubric($template: JSON!) {
    importRubric(template: $template) {
      id
    }
  }
`;
const IMPORT_CHECKLIST: TypedDocumentNode<{ importComplianceChecklist: { id: string } }, { checklist: unknown }> = gql`
  mutation ImportComplianceChecklist($checklist: JSON!) {
    importComplianceChecklist(checklist: $checklist) {
      id
    }
  }
`;

type Parsed = { fileName: string } & ({ template: ScoringTemplate; errors: null } | { template: null; errors: readonly TemplateError[] });

/**
 * 标准导入: a rubric or checklist (JSON) is checked in the browser by the same validator the server
 * runs (`@ducha/scoring`), shown as a tree (sections, items, points, steps, methods) or as its
 * problems, and imported only when the administrator confirms.
 */
export function TemplateImportTab() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [importRubric, rubricState] = useMutationWithToast(IMPORT_RUBRIC);
  const [importChecklist, checklistState] = useMutationWithToast(IMPORT_CHECKLIST);

  const read = async (file: File): Promise<void> => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setParsed({
        fileName: file.name,
        template: null,
        errors: [{ path: '', reason: t('tpl.invalidJson', { reason: error instanceof Error ? error.message : String(error) }) }],
      });
      return;
    }
    const result = validateTemplate(json);
    setParsed(
      result.ok
        ? { fileName: file.name, template: result.template, errors: null }
        : { fileName: file.name, template: null, errors: result.errors },
    );
  };

  const confirm = async (template: ScoringTemplate): Promise<void> => {
    const done = isChecklistTemplate(template) ? await importChecklist({ checklist: template }) : await importRubric({ template });
    if (done) {
      void message.success(t('tpl.imported', { name: template.name, version: template.version }));
      setParsed(null);
    }
  };

  const template = parsed?.template ?? null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('tpl.hint')} />
      <FileDropZone
        testId="template-upload"
        extensions={['.json']}
        maxBytes={MAX_BYTES}
        hint={t('tpl.upload')}
        badType={t('tpl.badType')}
        tooLarge={t('tpl.tooLarge')}
        onFile={(file) => void read(file)}
      />
      {parsed?.errors && (
        <Table
          data-testid="template-errors"
          title={() => (
            <Typography.Text type="danger">
              {parsed.fileName}：{t('tpl.errors', { count: parsed.errors.length })}
            </Typography.Text>
          )}
          size="small"
          rowKey={(e) => `${e.path}-${e.reason}`}
          dataSource={[...parsed.errors]}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('tpl.path'),
              dataIndex: 'path',
              width: 280,
              render: (path: string) => <Typography.Text code>{path || '/'}</Typography.Text>,
            },
            {
              title: t('tpl.reason'),
              dataIndex: 'reason',
              render: (reason: string) => (locale === 'zh-CN' ? templateReasonZh(reason) : reason),
            },
          ]}
        />
      )}
      {template && (
        <Card
          size="small"
          data-testid="template-preview"
          title={`${t('tpl.preview')}：${t(isChecklistTemplate(template) ? 'tpl.kind.checklist' : 'tpl.kind.rubric')}`}
          extra={
            <Button
              type="primary"
              loading={rubricState.loading || checklistState.loading}
              onClick={() => void confirm(template)}
              data-testid="template-confirm"
            >
              {t('tpl.confirm')}
            </Button>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {t('tpl.summary', { name: template.name, code: template.code, version: template.version })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('tpl.formula', { formula: template.formula })} · {t('tpl.count', { count: countItems(template) })}
            </Typography.Text>
            <Tree treeData={templateTree(t, template)} defaultExpandAll selectable={false} blockNode data-testid="template-tree" />
          </Space>
        </Card>
      )}
    </Space>
  );
}
