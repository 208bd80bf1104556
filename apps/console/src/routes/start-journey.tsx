import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { useCommand } from '../api/commands';
import type { components } from '../api/schema';
import { CommandForm } from '../components/command-form';
import { useDraft } from '../components/drafts';
import { Choice, TextInput } from '../components/fields';
import { isoDayOf } from '../components/format';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

/** `POST /journeys`: the person, the programme, the office and the DID date. The draft waits in sessionStorage. */
export function StartJourneyPage() {
  usePageTitle('start.title');
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const { user } = useSession();
  const command = useCommand();
  const offices = user && !user.offices.includes('*') ? user.offices : [];
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: async () => {
      const { data, error } = await api.GET('/programmes');
      if (error) throw error;
      return data;
    },
    staleTime: 10 * 60_000,
  });
  const codes = Array.isArray(programmes.data) ? programmes.data.map((p: { code: string; title?: string }) => p.code) : [];
  const [draft, setDraft, clear] = useDraft('start', () => ({ fiscalCode: '', givenName: '', familyName: '', email: '', phone: '', programmeCode: '', officeId: offices[0] ?? '', didDate: '' }));
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const state = command.state;

  return (
    <>
      <h1>{t('start.title')}</h1>
      {state.kind === 'refused' && state.journeyId && (
        <p>
          <Link to="/journeys/$journeyId" params={{ journeyId: state.journeyId }}>
            {t('start.openExisting')}
          </Link>
        </p>
      )}
      <CommandForm
        id="start"
        title={t('start.person')}
        state={state}
        submitLabel={t('start.submit')}
        note={t('form.draftKept')}
        onSubmit={async () => {
          const beneficiary: components['schemas']['BeneficiaryInputDto'] = {
            fiscalCode: draft.fiscalCode.trim(),
            givenName: draft.givenName.trim(),
            familyName: draft.familyName.trim(),
            ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
            ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
          };
          const result = await command.submit('/journeys', { beneficiary, programmeCode: draft.programmeCode, officeId: draft.officeId.trim(), didDate: isoDayOf(draft.didDate.trim()) });
          if (result.kind === 'done') {
            clear();
            const { journeyId } = result.body as components['schemas']['JourneyCreatedDto'];
            await navigate({ to: '/journeys/$journeyId', params: { journeyId } });
          }
        }}
      >
        <TextInput name="beneficiary.givenName" label={t('start.givenName')} value={draft.givenName} onChange={set('givenName')} isRequired autoComplete="off" />
        <TextInput name="beneficiary.familyName" label={t('start.familyName')} value={draft.familyName} onChange={set('familyName')} isRequired autoComplete="off" />
        <TextInput name="beneficiary.fiscalCode" label={t('start.fiscalCode')} value={draft.fiscalCode} onChange={set('fiscalCode')} isRequired autoComplete="off" />
        <TextInput name="beneficiary.email" label={t('start.email')} value={draft.email} onChange={set('email')} type="email" autoComplete="off" />
        <TextInput name="beneficiary.phone" label={t('start.phone')} value={draft.phone} onChange={set('phone')} autoComplete="off" />
        <h3 className="h5">{t('start.journey')}</h3>
        <Choice name="programmeCode" label={t('start.programme')} value={draft.programmeCode} onChange={set('programmeCode')} options={codes.map((c): [string, string] => [c, c])} />
        {offices.length > 0 ? (
          <Choice name="officeId" label={t('start.office')} value={draft.officeId} onChange={set('officeId')} options={offices.map((o): [string, string] => [o, o])} />
        ) : (
          <TextInput name="officeId" label={t('start.office')} value={draft.officeId} onChange={set('officeId')} isRequired />
        )}
        <TextInput name="didDate" label={t('start.didDate')} help={t('start.didDateHelp')} value={draft.didDate} onChange={set('didDate')} isRequired />
      </CommandForm>
    </>
  );
}
