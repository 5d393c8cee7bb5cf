import { ErrorCode } from '@ducha/contracts';
import { Button, Flex, Form, Input, Modal } from 'antd';
import { useMe } from '../../app/auth/useAuth';
import { useT } from '../../i18n/useT';
import { useMutationWithToast } from '../../shared/hooks/useMutationWithToast';
import { CHANGE_PASSWORD } from './operations';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * A floor the client can check without a round trip; the server's password policy (complexity,
 * history) is authoritative and its BAD_USER_INPUT issues land under the fields.
 */
const MIN_PASSWORD_LENGTH = 8;

// The server answers a wrong current password with one of these, depending on its guard; on
// this form either means "current password wrong" (a truly dead session is handled by the
// refresh link before this point, which would have sent the user to sign-in).
const ERROR_OVERRIDES = {
  [ErrorCode.UNAUTHENTICATED]: 'password.currentWrong',
  [ErrorCode.FORBIDDEN]: 'password.currentWrong',
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
  const [form] = Form.useForm<FormValues>();
  const [changePassword, { loading }] = useMutationWithToast(CHANGE_PASSWORD, {
    success: 'password.changed',
    form,
    errorOverrides: ERROR_OVERRIDES,
  });

  const submit = async ({ currentPassword, newPassword }: FormValues) => {
    const data = await changePassword({ input: { currentPassword, newPassword } });
    if (data?.changePassword) onDone();
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" autoFocus data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: MIN_PASSWORD_LENGTH, message: t('password.newTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.newSameAsCurrent')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-new" />
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
        <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
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
