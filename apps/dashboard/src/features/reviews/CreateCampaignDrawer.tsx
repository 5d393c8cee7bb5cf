import { useQuery } from '@apollo/client/react';
import { Button, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { useInspectorOptions } from '../../shared/org/inspectors';
import { inShanghai } from '../../shared/time/dayjs';
import { UNITS } from '../admin/operations';
import { CREATE_CAMPAIGN, RUBRICS } from './operations';

interface CampaignForm {
  name: string;
  year: number;
  period: [Dayjs, Dayjs];
  caseTypes: string[];
  rubricByType: Record<string, string>;
  departmentIds: string[];
  filesPerDepartment: number;
  reviewerIds: string[];
  reviewersPerFile: number;
  belowFailLine: boolean;
  differentGrades: boolean;
  maxSpread: number | null;
}

const STEP_FIELDS: (string | string[])[][] = [
  ['name', 'year', 'period'],
  ['caseTypes', 'departmentIds', 'filesPerDepartment'],
  ['reviewerIds', 'reviewersPerFile'],
];

/** The campaign step-form; reviewers are chosen among the active inspectors of my region. */
export function CreateCampaignDrawer({ onClose }: { onClose(createdId: string | null): void }) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<CampaignForm>();
  const [step, setStep] = useState(0);
  const rubrics = useQuery(RUBRICS, { variables: { page: 1, pageSize: 200 } });
  const units = useQuery(UNITS, { variables: { page: 1, pageSize: 200, enforcementOnly: true } });
  const [create, creating] = useMutationWithToast(CREATE_CAMPAIGN, { success: 'rv.created', form });
  const caseTypes = Form.useWatch('caseTypes', form) ?? [];
  const allTypes = [...new Set((rubrics.data?.rubrics.items ?? []).flatMap((r) => r.caseTypes))];
  const reviewers = useInspectorOptions();
  const year = inShanghai().year();

  const submit = async (): Promise<void> => {
    const v = form.getFieldsValue(true) as CampaignForm;
    const choices = v.caseTypes.map((caseType) => {
      const rubric = rubrics.data?.rubrics.items.find((r) => r.id === v.rubricByType?.[caseType]);
      return { caseType, code: rubric?.code ?? '', version: rubric?.version ?? '' };
    });
    const data = await create({
      input: {
        name: v.name.trim(),
        year: v.year,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
        caseTypes: v.caseTypes,
        rubrics: choices,
        departmentIds: v.departmentIds,
        filesPerDepartment: v.filesPerDepartment,
        reviewerIds: v.reviewerIds,
        reviewersPerFile: v.reviewersPerFile,
        recheckRule: { belowFailLine: v.belowFailLine, differentGrades: v.differentGrades, maxSpread: v.maxSpread ?? null },
      },
    });
    if (data) onClose(data.createReviewCampaign.id);
  };

  return (
    <Drawer open size={720} title={t('rv.new')} onClose={() => onClose(null)} destroyOnHidden>
      <Steps
        current={step}
        items={[{ title: t('rv.step.basics') }, { title: t('rv.step.scope') }, { title: t('rv.step.people') }]}
        style={{ marginBottom: 24 }}
      />
      <Form<CampaignForm>
        form={form}
        layout="vertical"
        initialValues={{
          year,
          period: [inShanghai().startOf('year'), inShanghai()],
          filesPerDepartment: 2,
          reviewersPerFile: 1,
          belowFailLine: true,
          differentGrades: true,
          caseTypes: [],
          rubricByType: {},
          reviewerIds: [me.id],
        }}
      >
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          <Form.Item name="name" label={t('rv.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={100} data-testid="campaign-name" />
          </Form.Item>
          <Form.Item name="year" label={t('rv.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="period" label={t('rv.period')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker.RangePicker data-testid="campaign-period" />
          </Form.Item>
        </div>
        <div style={{ display: step === 1 ? undefined : 'none' }}>
          <Form.Item name="caseTypes" label={t('rv.caseTypes')} rules={[{ required: true, message: t('common.required') }]}>
            <Select mode="multiple" options={allTypes.map((type) => ({ value: type, label: type }))} data-testid="campaign-case-types" />
          </Form.Item>
          {caseTypes.map((type) => (
            <Form.Item
              key={type}
              name={['rubricByType', type]}
              label={t('rv.rubricFor', { caseType: type })}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                data-testid={`campaign-rubric-${type}`}
                options={(rubrics.data?.rubrics.items ?? [])
                  .filter((r) => r.caseTypes.includes(type))
                  .map((r) => ({ value: r.id, label: `${r.name}（${r.version}）` }))}
              />
            </Form.Item>
          ))}
          <Form.Item name="departmentIds" label={t('rv.departments')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="campaign-departments"
              options={(units.data?.units.items ?? [])
                .filter((u) => u.isEnforcementBody && !u.isSupervisingOffice)
                .map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="filesPerDepartment" label={t('rv.filesPerDepartment')} rules={[{ required: true }]}>
            <InputNumber min={1} max={200} />
          </Form.Item>
        </div>
        <div style={{ display: step === 2 ? undefined : 'none' }}>
          <Form.Item name="reviewerIds" label={t('rv.reviewers')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              mode="multiple"
              loading={reviewers.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={reviewers.options}
              data-testid="campaign-reviewers"
            />
          </Form.Item>
          <Form.Item name="reviewersPerFile" label={t('rv.reviewersPerFile')} rules={[{ required: true }]}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item label={t('rv.recheck')}>
            <Form.Item name="belowFailLine" valuePropName="checked" noStyle>
              <Checkbox>{t('rv.recheck.belowFailLine')}</Checkbox>
            </Form.Item>
            <Form.Item name="differentGrades" valuePropName="checked" noStyle>
              <Checkbox>{t('rv.recheck.differentGrades')}</Checkbox>
            </Form.Item>
          </Form.Item>
          <Form.Item name="maxSpread" label={t('rv.recheck.maxSpread')}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </div>
      </Form>
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('rv.prev')}</Button>}
        {step < 2 && (
          <Button
            type="primary"
            data-testid="campaign-next"
            onClick={() =>
              void form.validateFields(STEP_FIELDS[step]!.concat(step === 1 ? caseTypes.map((c) => ['rubricByType', c]) : [])).then(
                () => setStep(step + 1),
                () => undefined,
              )
            }
          >
            {t('rv.next')}
          </Button>
        )}
        {step === 2 && (
          <Button
            type="primary"
            loading={creating.loading}
            data-testid="campaign-create"
            onClick={() => void form.validateFields(STEP_FIELDS[2]!).then(submit, () => undefined)}
          >
            {t('rv.create')}
          </Button>
        )}
      </Space>
    </Drawer>
  );
}
