import type { ItemAnswer, RubricItem, RubricTemplate } from '@ducha/scoring';
import { Card, Checkbox, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/useT';

type AnswerMap = Record<string, ItemAnswer | undefined>;

interface Props {
  template: RubricTemplate;
  answers: AnswerMap;
  readOnly: boolean;
  onChange(code: string, answer: ItemAnswer | undefined): void;
}

/** Snap a typed value onto the item's step grid within [0, max] (the stepper only offers legal values). */
function snap(value: number, step: number, max: number): number {
  const snapped = Math.round(value / step) * step;
  return Math.min(max, Math.max(0, Number(snapped.toFixed(4))));
}

const clean = (answer: ItemAnswer): ItemAnswer | undefined => {
  const entries = Object.entries(answer).filter(([, v]) => v !== undefined && v !== false && v !== '');
  return entries.length ? (Object.fromEntries(entries) as ItemAnswer) : undefined;
};

/** The rubric as a form: veto checkboxes, steppers bound to step and maximum, N/A only where allowed, a note per item. */
export function RubricForm({ template, answers, readOnly, onChange }: Props) {
  const t = useT();
  const set = (code: string, patch: Partial<ItemAnswer>): void => onChange(code, clean({ ...answers[code], ...patch }));

  const renderItem = (item: RubricItem, depth: number, disabled: boolean): React.ReactNode => {
    const answer = answers[item.code] ?? {};
    const na = !!answer.notApplicable;
    const off = disabled || readOnly;
    const header = (
      <Space wrap size={4}>
        <Typography.Text strong={depth === 0}>
          {item.code} {item.title}
        </Typography.Text>
        {item.kind === 'VETO' ? (
          <Tag color="red">{t('rv.veto')}</Tag>
        ) : (
          item.maxPoints !== undefined && !item.children && <Tag>{t('rv.max', { max: item.maxPoints, step: item.step ?? 1 })}</Tag>
        )}
        {item.mayNotApply && (
          <Checkbox
            checked={na}
            disabled={off}
            onChange={(e) => set(item.code, { notApplicable: e.target.checked, points: undefined })}
            data-testid={`na-${item.code}`}
          >
            {t('rv.notApplicable')}
          </Checkbox>
        )}
      </Space>
    );
    let control: React.ReactNode = null;
    if (item.kind === 'VETO') {
      control = (
        <Checkbox
          checked={!!answer.hit}
          disabled={off}
          onChange={(e) => set(item.code, { hit: e.target.checked })}
          data-testid={`veto-${item.code}`}
        >
          {item.title}
        </Checkbox>
      );
    } else if (!item.children) {
      const step = item.step ?? 1;
      const max = item.maxPoints ?? 0;
      control = (
        <InputNumber
          min={0}
          max={max}
          step={step}
          disabled={off || na}
          value={answer.points ?? null}
          onChange={(v) => set(item.code, { points: v === null ? undefined : snap(Number(v), step, max) })}
          data-testid={`points-${item.code}`}
          aria-label={`${item.code} ${item.title}`}
          style={{ width: 110 }}
        />
      );
    }
    const showNote =
      item.kind === 'VETO'
        ? !!answer.hit
        : !item.children && (item.kind === 'DEDUCT' ? (answer.points ?? 0) > 0 : answer.points !== undefined);
    return (
      <div
        key={item.code}
        style={{ marginLeft: depth * 20, padding: '6px 0', borderBottom: '1px dashed #f0f0f0' }}
        data-testid={`item-${item.code}`}
      >
        {header}
        {(control || showNote) && (
          <Space wrap style={{ marginTop: 4 }}>
            {control}
            {showNote && (
              <Input
                placeholder={t('rv.note')}
                disabled={off}
                value={answer.note ?? ''}
                maxLength={2000}
                onChange={(e) => set(item.code, { note: e.target.value || undefined })}
                style={{ width: 320 }}
              />
            )}
          </Space>
        )}
        {item.guidance && (
          <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
            {item.guidance}
          </Typography.Paragraph>
        )}
        {item.children?.map((child) => renderItem(child, depth + 1, off || na))}
      </div>
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {template.sections.map((section) => (
        <Card
          key={section.code}
          size="small"
          title={`${section.title}${section.maxPoints !== undefined ? `（${section.maxPoints}）` : ''}`}
        >
          {section.kind === 'VETO'
            ? section.items.map((item) => (
                <div key={item.code} style={{ padding: '4px 0' }} data-testid={`item-${item.code}`}>
                  <Checkbox
                    checked={!!answers[item.code]?.hit}
                    disabled={readOnly}
                    onChange={(e) => set(item.code, { hit: e.target.checked })}
                    data-testid={`veto-${item.code}`}
                  >
                    <Tag color="red">{t('rv.veto')}</Tag>
                    {item.code} {item.title}
                  </Checkbox>
                  {answers[item.code]?.hit && (
                    <Input
                      placeholder={t('rv.note')}
                      disabled={readOnly}
                      value={answers[item.code]?.note ?? ''}
                      onChange={(e) => set(item.code, { note: e.target.value || undefined })}
                      style={{ width: 320, marginLeft: 24 }}
                    />
                  )}
                </div>
              ))
            : section.items.map((item) => renderItem(item, 0, false))}
        </Card>
      ))}
    </Space>
  );
}
