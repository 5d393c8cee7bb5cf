import { UnitKind } from '@ducha/contracts';
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { CREATE_REGION, CREATE_UNIT, UPDATE_UNIT, type RegionRow, type UnitInput, type UnitRow } from './operations';

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

interface UnitModalProps {
  unit: UnitRow | null;
  defaultRegionId: string | undefined;
  regions: RegionRow[];
  onClose(changed: boolean): void;
}

/** New or edit unit. Edits carry the version read, so a concurrent edit answers CONFLICT. */
export function UnitModal({ unit, defaultRegionId, regions, onClose }: UnitModalProps) {
  const t = useT();
  const [form] = Form.useForm<UnitInput>();
  const [create, creating] = useMutationWithToast(CREATE_UNIT, { success: 'common.created', form });
  const [update, updating] = useMutationWithToast(UPDATE_UNIT, { success: 'common.saved', form });

  const submit = async (values: UnitInput): Promise<void> => {
    const done = unit
      ? await update({
          input: {
            id: unit.id,
            version: unit.version,
            name: values.name,
            kind: values.kind,
            isEnforcementBody: values.isEnforcementBody,
            isSupervisingOffice: values.isSupervisingOffice,
          },
        })
      : await create({ input: { ...values, code: values.code.trim(), name: values.name.trim() } });
    if (done) onClose(true);
  };

  return (
    <Modal
      open
      title={t(unit ? 'unit.edit' : 'unit.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={creating.loading || updating.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'unit-submit' } as Record<`data-${string}`, string>}
    >
      <Form<UnitInput>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={
          unit ?? { regionId: defaultRegionId, kind: UnitKind.GOVERNMENT_DEPARTMENT, isEnforcementBody: true, isSupervisingOffice: false }
        }
      >
        <Form.Item name="code" label={t('unit.code')} rules={[{ required: true, pattern: CODE, message: t('unit.codeRule') }]}>
          <Input disabled={!!unit} maxLength={40} data-testid="unit-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('unit.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
          <Select options={Object.values(UnitKind).map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('unit.region')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            disabled={!!unit}
            showSearch={{ optionFilterProp: 'label' }}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="isEnforcementBody" valuePropName="checked">
          <Checkbox>{t('unit.enforcementBody')}</Checkbox>
        </Form.Item>
        <Form.Item name="isSupervisingOffice" valuePropName="checked">
          <Checkbox>{t('unit.supervisingOffice')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RegionModalProps {
  regions: RegionRow[];
  defaultParentId: string | undefined;
  onClose(changed: boolean): void;
}

export function RegionModal({ regions, defaultParentId, onClose }: RegionModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ parentId: string; code: string; name: string }>();
  const [create, state] = useMutationWithToast(CREATE_REGION, { success: 'region.created', form });
  return (
    <Modal
      open
      title={t('region.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={state.loading}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId: defaultParentId }}
        onFinish={(values) =>
          void create({ input: { ...values, code: values.code.trim(), name: values.name.trim() } }).then((ok) => ok && onClose(true))
        }
      >
        <Form.Item name="parentId" label={t('region.parent')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="code" label={t('region.code')} rules={[{ required: true, pattern: CODE, message: t('unit.codeRule') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('region.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
