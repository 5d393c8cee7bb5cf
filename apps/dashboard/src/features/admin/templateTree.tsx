import type { ChecklistTemplate, RubricItem, RubricTemplate, ScoringTemplate } from '@ducha/scoring';
import { isChecklistTemplate } from '@ducha/scoring';
import { Tag } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { ReactNode } from 'react';
import type { MessageKey, MessageParams } from '../../i18n/locales';

type T = (key: MessageKey, params?: MessageParams) => string;

function itemTitle(code: string, title: string, tags: ReactNode[]): ReactNode {
  return (
    <span>
      <strong>{code}</strong> {title} {tags}
    </span>
  );
}

function rubricItem(t: T, item: RubricItem): DataNode {
  const tags = [
    <Tag key="kind" color={item.kind === 'VETO' ? 'red' : 'blue'}>
      {t(`tpl.itemKind.${item.kind}` as MessageKey)}
    </Tag>,
    item.maxPoints !== undefined && <Tag key="points">{t('tpl.points', { points: item.maxPoints })}</Tag>,
    item.step !== undefined && <Tag key="step">{t('tpl.step', { step: item.step })}</Tag>,
    item.mayNotApply && <Tag key="na">{t('tpl.mayNotApply')}</Tag>,
  ];
  return { key: item.code, title: itemTitle(item.code, item.title, tags), children: (item.children ?? []).map((c) => rubricItem(t, c)) };
}

function rubricTree(t: T, rubric: RubricTemplate): DataNode[] {
  return rubric.sections.map((section) => ({
    key: `section:${section.code}`,
    title: itemTitle(section.code, section.title, [
      section.maxPoints !== undefined && <Tag key="points">{t('tpl.points', { points: section.maxPoints })}</Tag>,
    ]),
    children: section.items.map((item) => rubricItem(t, item)),
  }));
}

function checklistTree(t: T, checklist: ChecklistTemplate): DataNode[] {
  const systems = [...new Set(checklist.items.map((i) => i.system))];
  return systems.map((system) => ({
    key: `system:${system}`,
    title: t(`cp.system.${system}` as MessageKey),
    children: checklist.items
      .filter((i) => i.system === system)
      .map((i) => ({
        key: i.code,
        title: itemTitle(i.code, i.title, [
          <Tag key="weight">{t('tpl.weight', { weight: i.weight })}</Tag>,
          <Tag key="method" color={i.auto ? 'geekblue' : undefined}>
            {i.auto ? t('tpl.auto', { auto: i.auto }) : t('tpl.manual')}
          </Tag>,
          i.mayNotApply && <Tag key="na">{t('tpl.mayNotApply')}</Tag>,
        ]),
      })),
  }));
}

/** Sections and items (rubric) or systems and items (checklist) as tree nodes, with points, steps and methods. */
export function templateTree(t: T, template: ScoringTemplate): DataNode[] {
  return isChecklistTemplate(template) ? checklistTree(t, template) : rubricTree(t, template);
}

/** Leaves counted: what a reviewer or inspector will answer. */
export function countItems(template: ScoringTemplate): number {
  if (isChecklistTemplate(template)) return template.items.length;
  const leaves = (items: readonly RubricItem[]): number => items.reduce((n, i) => n + (i.children?.length ? leaves(i.children) : 1), 0);
  return template.sections.reduce((n, s) => n + leaves(s.items), 0);
}
