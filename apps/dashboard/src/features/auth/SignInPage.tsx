import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { SignInLocationState } from '../../app/auth/RequireAuth';
import { useAuth } from '../../app/auth/useAuth';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { landingPath } from '../../app/navigation';
import { useLocale } from '../../i18n/useT';
import { FullPageSpinner } from '../../shared/components/FullPageSpinner';
import { formatWait } from '../../shared/errors/errorMessage';
import { toSignInFailure } from './signInFailure';
import { useCountdown } from './useCountdown';
import styles from './SignInPage.module.css';

interface FormValues {
  username: string;
  password: string;
}

export function SignInPage() {
  const { status, me, signIn } = useAuth();
  const { locale, t } = useLocale();
  const location = useLocation();
  const [form] = Form.useForm<FormValues>();
  const passwordRef = useRef<InputRef>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [lockedWithoutWait, setLockedWithoutWait] = useState(false);
  const lockSeconds = useCountdown(lockedUntil);
  const locked = lockSeconds > 0;

  if (status === 'authenticated' && me) {
    const from = (location.state as SignInLocationState | null)?.from;
    return <Navigate to={landingPath(from, me.roles)} replace />;
  }
  // A stored session is being checked: don't flash the form at someone already signed in.
  if (status === 'loading') return <FullPageSpinner />;

  const submit = async ({ username, password }: FormValues) => {
    setSubmitting(true);
    setFailure(null);
    setLockedWithoutWait(false);
    try {
      await signIn(username.trim(), password);
    } catch (error) {
      const outcome = toSignInFailure(error, locale);
      if (outcome.kind === 'locked') {
        if (outcome.retryAfterSeconds === null) setLockedWithoutWait(true);
        else setLockedUntil(Date.now() + outcome.retryAfterSeconds * 1000);
      } else {
        setFailure(outcome.text);
        if (outcome.clearPassword) {
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  let alert: { type: 'error' | 'warning' | 'success'; text: string } | null = null;
  if (locked) alert = { type: 'warning', text: t('signIn.error.locked', { wait: formatWait(lockSeconds, locale) }) };
  else if (lockedWithoutWait) alert = { type: 'warning', text: t('signIn.error.lockedNoWait') };
  else if (lockedUntil !== null) alert = { type: 'success', text: t('signIn.lockEnded') };
  else if (failure) alert = { type: 'error', text: failure };

  return (
    <div className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={24} className={styles.center}>
        <Flex align="center" gap={12} className={styles.brand}>
          <SafetyCertificateOutlined className={styles.emblem} aria-hidden />
          <div>
            <h1 className={styles.title}>{t('app.fullName')}</h1>
            <div className={styles.subtitle}>{t('app.subtitle')}</div>
          </div>
        </Flex>
        <Card title={t('signIn.title')} className={styles.card}>
          <Form<FormValues> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
            {alert && <Alert type={alert.type} title={alert.text} showIcon className={styles.alert} data-testid="signin-error" />}
            <Form.Item
              name="username"
              label={t('signIn.username')}
              rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus maxLength={60} data-testid="signin-username" />
            </Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
              <Input.Password
                ref={passwordRef}
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                maxLength={128}
                data-testid="signin-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} disabled={locked} data-testid="signin-submit">
              {t('signIn.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Text className={styles.footer}>{t('signIn.footer')}</Typography.Text>
      </Flex>
    </div>
  );
}
