import { Button, Flex, Form, Input, Modal } from 'antd';
import { useAuth, useMe } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { CHANGE_PASSWORD } from './operations';
import { meetsCharacterMix, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwordPolicy';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

// The API answers a wrong current password and a weak new one as BAD_USER_INPUT issues on
// those fields, with English reasons; show ours instead.
const FIELD_MESSAGES = {
  currentPassword: 'password.currentWrong',
  newPassword: 'password.newWeak',
} as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    // destroyOnHidden unmounts the form on close, so reopening starts empty (no stale passwords).
    <Modal open={open} title={t('password.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const me = useMe();
  const { signOut } = useAuth();
  const [form] = Form.useForm<FormValues>();
  const [changePassword, { loading }] = useMutationWithToast(CHANGE_PASSWORD, {
    success: 'password.changed',
    form,
    fieldMessages: FIELD_MESSAGES,
  });

  const submit = async ({ currentPassword, newPassword }: FormValues) => {
    const data = await changePassword({ input: { currentPassword, newPassword } });
    if (!data?.changePassword) return;
    onDone();
    // The API revokes every session of the user on a password change, this one included; sign
    // out now rather than let the next request fail and bounce to the sign-in page unexplained.
    await signOut();
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" autoFocus maxLength={PASSWORD_MAX_LENGTH} data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.newTooShort', { min: PASSWORD_MIN_LENGTH }) },
          {
            validator: (_, value: string | undefined) =>
              !value || value.length < PASSWORD_MIN_LENGTH || meetsCharacterMix(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.newWeak'))),
          },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.newSameAsCurrent')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid="change-password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.confirmMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} data-testid="change-password-confirm" />
      </Form.Item>
      <Flex justify="end" gap="small">
        <Button onClick={onDone}>{t('password.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="change-password-submit">
          {t('password.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
