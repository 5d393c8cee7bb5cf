import { Breadcrumb, Button, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import type { RegionRow } from '../admin/operations';
import styles from './CockpitPage.module.css';

interface RegionNode {
  value: string;
  title: string;
  children: RegionNode[];
}

/**
 * Region drill-down: the tree of the regions the user may see (pick any level), the path from the
 * top down to the one shown (each step clickable to go back up), and the sub-regions one click down.
 */
export function RegionDrill({ regions, value, onChange }: { regions: readonly RegionRow[]; value: string; onChange(id: string): void }) {
  const t = useT();
  const byId = useMemo(() => new Map(regions.map((r) => [r.id, r])), [regions]);
  const tree = useMemo(() => {
    const nodes = new Map<string, RegionNode>(regions.map((r) => [r.id, { value: r.id, title: r.name, children: [] }]));
    const roots: RegionNode[] = [];
    for (const r of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
      const parent = r.parentId ? nodes.get(r.parentId) : undefined;
      (parent ? parent.children : roots).push(nodes.get(r.id)!);
    }
    return roots;
  }, [regions]);
  const path: RegionRow[] = [];
  for (let r = byId.get(value); r; r = r.parentId ? byId.get(r.parentId) : undefined) path.unshift(r);
  const children = regions.filter((r) => r.parentId === value).sort((a, b) => a.code.localeCompare(b.code));
  return (
    <Space wrap size="small" data-testid="cockpit-drill">
      <TreeSelect
        value={value}
        onChange={onChange}
        treeData={tree}
        treeDefaultExpandAll
        style={{ width: 200 }}
        aria-label={t('ck.region')}
        data-testid="cockpit-region"
      />
      <Breadcrumb
        data-testid="cockpit-region-path"
        items={path.map((r) => ({
          key: r.id,
          title:
            r.id === value ? (
              <span className={styles.crumbCurrent}>{r.name}</span>
            ) : (
              <a className={styles.crumb} onClick={() => onChange(r.id)}>
                {r.name}
              </a>
            ),
        }))}
      />
      {children.length > 0 && (
        <Space size={4} wrap data-testid="cockpit-subregions">
          <span className={styles.muted}>{t('ck.subRegions')}</span>
          {children.map((r) => (
            <Button key={r.id} size="small" type="link" className={styles.crumb} onClick={() => onChange(r.id)}>
              {r.name}
            </Button>
          ))}
        </Space>
      )}
    </Space>
  );
}
