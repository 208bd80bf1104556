import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Button, FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { isDevelopmentSession, type DevelopmentSession } from '../auth';
import { DevSignInError } from '../auth/dev-session';
import { ApiFieldErrors, TextInput } from '../components/fields';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';
import { fieldMessages } from '../api/client';

/** The roles of the API's tokens (apps/api/src/auth/principal.ts). */
const ROLES = ['operator', 'supervisor', 'regional_supervisor', 'administrator'] as const;

export function SignInPage() {
  usePageTitle('signIn.title');
  const { session } = useSession();
  return isDevelopmentSession(session) ? <DevelopmentSignIn session={session} /> : <ProviderSignIn />;
}

/** Production: the region's identity provider. */
function ProviderSignIn() {
  const t = useT();
  const { session } = useSession();
  return (
    <section className="sal-card sal-narrow">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <Button className="btn btn-primary" onPress={() => void session.signIn(`${import.meta.env.BASE_URL}`)}>
        {t('signIn.button')}
      </Button>
    </section>
  );
}

/** Embedded defaults: choose who to be; the API signs the token with its development secret. */
function DevelopmentSignIn({ session }: { session: DevelopmentSession }) {
  const t = useT();
  const navigate = useNavigate();
  const [role, setRole] = useState<string>('operator');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const offices = String(form.get('offices') ?? '')
      .split(',')
      .map((office) => office.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const returnTo = await session.signInAs({ role, offices, sub: String(form.get('sub') ?? '').trim() });
      await navigate({ to: returnTo.slice(import.meta.env.BASE_URL.length - 1) || '/' });
    } catch (error) {
      setFailed(true);
      setErrors(error instanceof DevSignInError ? fieldMessages(error.body, t) : {});
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sal-card sal-narrow">
      <h1>{t('signIn.devTitle')}</h1>
      <p>{t('signIn.devIntro')}</p>
      {failed && (
        <div className="alert alert-danger" role="alert">
          {t('signIn.failed')}
        </div>
      )}
      <Form onSubmit={(event) => void submit(event)} className="sal-form">
        <RadioGroup name="role" value={role} onChange={setRole} className="sal-field" isInvalid={Boolean(errors.role)}>
          <Label className="sal-label">{t('signIn.role')}</Label>
          <div className="sal-radios">
            {ROLES.map((r) => (
              <Radio key={r} value={r} className="sal-radio">
                {t(`role.${r}`)}
              </Radio>
            ))}
          </div>
          <FieldError className="sal-field-error">{errors.role?.join(' ')}</FieldError>
        </RadioGroup>
        <ApiFieldErrors errors={errors}>
          <TextInput name="offices" label={t('signIn.offices')} help={t('signIn.officesHelp')} defaultValue="CPI-TO-01" isRequired={role !== 'administrator'} />
          <TextInput name="sub" label={t('signIn.sub')} help={t('signIn.subHelp')} defaultValue="op-torino-001" isRequired />
        </ApiFieldErrors>
        <Button type="submit" className="btn btn-primary" isDisabled={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </section>
  );
}
