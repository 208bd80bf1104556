import { useState } from 'react';
import { Button, Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { useCommand } from '../api/commands';
import type { components } from '../api/schema';
import { CommandForm } from '../components/command-form';
import { useDraft } from '../components/drafts';
import { Choice, DurationInput, TextArea, TextInput } from '../components/fields';
import { isoDayOf, isoDurationOf, isoInstantOf, useFormat } from '../components/format';
import { COMMAND_SPECS, SchemaCommandForm } from '../components/schema-form';
import type { MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';
import type { JourneyView } from './journey';

type Schemas = components['schemas'];
type OnChanged = (view: unknown) => void;

const PROFILING = ['low', 'medium', 'high', 'very_high'] as const;
const ACTION_KINDS = ['job_search_act', 'workshop', 'training', 'interview', 'skills_assessment', 'tutoring', 'company_scouting', 'other'] as const;
const ACCEPTANCE = ['signed_in_person', 'graphometric', 'otp'] as const;
const JUSTIFICATIONS = ['illness_or_injury', 'civil_or_military_service', 'pregnancy_leave', 'court_summons', 'serious_family_reasons', 'mobility_restriction', 'force_majeure'] as const;

/** Blank optional fields are left out of the body: the API then applies its defaults. */
const optional = <K extends string>(key: K, value: string) => (value.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});

export function IntakeForm({ journeyId, onChanged }: { journeyId: string; onChanged: OnChanged }) {
  const t = useT();
  const command = useCommand();
  const [draft, setDraft, clear] = useDraft(`intake.${journeyId}`, () => ({ notes: '', takenInChargeAt: '' }));
  return (
    <CommandForm
      id="intake"
      title={t('cmd.intake')}
      state={command.state}
      note={t('form.draftKept')}
      onSubmit={async () => {
        const body: Schemas['RecordIntakeBody'] = { ...optional('notes', draft.notes), ...optional('takenInChargeAt', isoInstantOf(draft.takenInChargeAt)) };
        const result = await command.submit(`/journeys/${journeyId}/intake`, body);
        if (result.kind === 'done') {
          clear();
          onChanged(result.body);
        }
      }}
    >
      <TextArea name="notes" label={t('cmd.intake.notes')} value={draft.notes} onChange={(notes) => setDraft((d) => ({ ...d, notes }))} />
      <TextInput name="takenInChargeAt" label={t('cmd.intake.at')} help={t('commands.dateTimeHelp')} value={draft.takenInChargeAt} onChange={(v) => setDraft((d) => ({ ...d, takenInChargeAt: v }))} />
    </CommandForm>
  );
}

interface PactAction {
  kind: string;
  description: string;
  dueDate: string;
}

interface PactDraft {
  responsibleOperatorId: string;
  profilingClass: string;
  contactFrequency: string;
  jobSearchProof: string;
  workshops: boolean;
  training: boolean;
  suitableOffers: boolean;
  acceptance: string;
  actions: PactAction[];
}

/** The pact: a long form, kept as a draft in sessionStorage while it is written. */
export function PactForm({ journey, onChanged }: { journey: JourneyView; onChanged: OnChanged }) {
  const t = useT();
  const { user } = useSession();
  const command = useCommand();
  const edition2 = journey.rules === 2;
  const [draft, setDraft, clear] = useDraft<PactDraft>(`pact.${journey.journeyId}`, () => ({
    responsibleOperatorId: user?.sub ?? '',
    profilingClass: 'medium',
    contactFrequency: '',
    jobSearchProof: '',
    workshops: true,
    training: true,
    suitableOffers: true,
    acceptance: edition2 ? 'signed_in_person' : '',
    actions: [{ kind: 'workshop', description: '', dueDate: '' }],
  }));
  const set = <K extends keyof PactDraft>(key: K, value: PactDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setAction = (index: number, change: Partial<PactAction>) => setDraft((d) => ({ ...d, actions: d.actions.map((a, i) => (i === index ? { ...a, ...change } : a)) }));

  return (
    <CommandForm
      id="pact"
      title={t('cmd.pact')}
      state={command.state}
      note={t('form.draftKept')}
      onSubmit={async () => {
        const body: Schemas['SignPactBody'] = {
          responsibleOperatorId: draft.responsibleOperatorId.trim(),
          profilingClass: draft.profilingClass as Schemas['SignPactBody']['profilingClass'],
          ...optional('contactFrequency', isoDurationOf(draft.contactFrequency)),
          jobSearchProof: draft.jobSearchProof.trim(),
          availability: { workshops: draft.workshops, training: draft.training, suitableOffers: draft.suitableOffers },
          actions: draft.actions.map((a) => ({ kind: a.kind as PactAction['kind'] as Schemas['SignPactBody']['actions'][number]['kind'], description: a.description.trim(), dueDate: isoDayOf(a.dueDate.trim()) })),
          ...(edition2 && draft.acceptance ? { acceptance: { method: draft.acceptance as (typeof ACCEPTANCE)[number] } } : {}),
        };
        const result = await command.submit(`/journeys/${journey.journeyId}/pact`, body);
        if (result.kind === 'done') {
          clear();
          onChanged(result.body);
        }
      }}
    >
      <TextInput name="responsibleOperatorId" label={t('cmd.pact.responsible')} value={draft.responsibleOperatorId} onChange={(v) => set('responsibleOperatorId', v)} isRequired />
      <Choice name="profilingClass" label={t('cmd.pact.profiling')} value={draft.profilingClass} onChange={(v) => set('profilingClass', v)} options={PROFILING.map((p): [string, string] => [p, t(`profiling.${p}`)])} />
      <DurationInput name="contactFrequency" label={t('cmd.pact.contactFrequency')} help={t('cmd.pact.contactFrequencyHelp')} value={draft.contactFrequency} onChange={(v) => set('contactFrequency', v)} />
      <TextArea name="jobSearchProof" label={t('cmd.pact.jobSearchProof')} value={draft.jobSearchProof} onChange={(v) => set('jobSearchProof', v)} isRequired />
      <fieldset className="sal-fieldset">
        <legend className="sal-label">{t('cmd.pact.availability')}</legend>
        <Checkbox isSelected={draft.workshops} onChange={(v) => set('workshops', v)} className="sal-checkbox">
          {t('cmd.pact.workshops')}
        </Checkbox>
        <Checkbox isSelected={draft.training} onChange={(v) => set('training', v)} className="sal-checkbox">
          {t('cmd.pact.training')}
        </Checkbox>
        <Checkbox isSelected={draft.suitableOffers} onChange={(v) => set('suitableOffers', v)} className="sal-checkbox">
          {t('cmd.pact.suitableOffers')}
        </Checkbox>
      </fieldset>
      {edition2 && (
        <RadioGroup value={draft.acceptance || 'none'} onChange={(v) => set('acceptance', v === 'none' ? '' : v)} className="sal-field">
          <Label className="sal-label">{t('cmd.pact.acceptance')}</Label>
          <div className="sal-radios">
            {ACCEPTANCE.map((m) => (
              <Radio key={m} value={m} className="sal-radio">
                {t(`cmd.pact.acceptance.${m}`)}
              </Radio>
            ))}
            <Radio value="none" className="sal-radio">
              {t('cmd.pact.acceptance.none')}
            </Radio>
          </div>
        </RadioGroup>
      )}
      <fieldset className="sal-fieldset">
        <legend className="sal-label">{t('cmd.pact.actions')}</legend>
        {draft.actions.map((action, index) => (
          <fieldset key={index} className="sal-fieldset sal-action">
            <legend>{t('cmd.pact.action', { n: index + 1 })}</legend>
            <Choice name={`actions[${index}].kind`} label={t('cmd.pact.actionKind')} value={action.kind} onChange={(kind) => setAction(index, { kind })} options={ACTION_KINDS.map((k): [string, string] => [k, t(`action.kind.${k}`)])} />
            <TextInput name={`actions[${index}].description`} label={t('cmd.pact.actionDescription')} value={action.description} onChange={(description) => setAction(index, { description })} isRequired />
            <TextInput name={`actions[${index}].dueDate`} label={t('cmd.pact.actionDue')} help={t('commands.dateHelp')} value={action.dueDate} onChange={(dueDate) => setAction(index, { dueDate })} isRequired />
            {draft.actions.length > 1 && (
              <Button className="btn btn-outline-danger btn-sm" onPress={() => setDraft((d) => ({ ...d, actions: d.actions.filter((_, i) => i !== index) }))}>
                {t('cmd.pact.removeAction', { n: index + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button className="btn btn-outline-primary btn-sm" onPress={() => setDraft((d) => ({ ...d, actions: [...d.actions, { kind: 'job_search_act', description: '', dueDate: '' }] }))}>
          {t('cmd.pact.addAction')}
        </Button>
      </fieldset>
    </CommandForm>
  );
}

export function CompleteActionForm({ journeyId, action, onChanged }: { journeyId: string; action: Schemas['PactActionViewDto']; onChanged: OnChanged }) {
  const t = useT();
  const command = useCommand();
  const [draft, setDraft, clear] = useDraft(`complete.${journeyId}.${action.actionId}`, () => ({ note: '' }));
  return (
    <CommandForm
      id={`complete-${action.actionId}`}
      title={t('cmd.complete.title', { action: `${action.actionId} · ${action.description}` })}
      submitLabel={t('cmd.complete')}
      state={command.state}
      onSubmit={async () => {
        const result = await command.submit(`/journeys/${journeyId}/pact/actions/${action.actionId}/complete`, optional('note', draft.note));
        if (result.kind === 'done') {
          clear();
          onChanged(result.body);
        }
      }}
    >
      <TextInput name="note" label={t('cmd.complete.note')} value={draft.note} onChange={(note) => setDraft({ note })} />
    </CommandForm>
  );
}

export function OutcomeForm({ journeyId, appointment, onChanged }: { journeyId: string; appointment: Schemas['AppointmentViewDto']; onChanged: OnChanged }) {
  const t = useT();
  const format = useFormat();
  const command = useCommand();
  const [draft, setDraft, clear] = useDraft(`outcome.${journeyId}.${appointment.appointmentId}`, () => ({ outcome: 'held' }));
  return (
    <CommandForm
      id={`outcome-${appointment.appointmentId}`}
      title={t('cmd.outcome.title', { date: format.instant(appointment.at) })}
      submitLabel={t('cmd.outcome')}
      state={command.state}
      onSubmit={async () => {
        const result = await command.submit(`/journeys/${journeyId}/appointments/${appointment.appointmentId}/outcome`, { outcome: draft.outcome });
        if (result.kind === 'done') {
          clear();
          onChanged(result.body);
        }
      }}
    >
      <RadioGroup name="outcome" value={draft.outcome} onChange={(outcome) => setDraft({ outcome })} className="sal-field">
        <Label className="sal-label">{t('cmd.outcome.value')}</Label>
        <div className="sal-radios">
          <Radio value="held" className="sal-radio">
            {t('cmd.outcome.held')}
          </Radio>
          <Radio value="no_show" className="sal-radio">
            {t('cmd.outcome.no_show')}
          </Radio>
        </div>
      </RadioGroup>
    </CommandForm>
  );
}

export function JustifyLapseForm({ journeyId, lapse, onChanged }: { journeyId: string; lapse: Schemas['LapseViewDto']; onChanged: OnChanged }) {
  const t = useT();
  const format = useFormat();
  const command = useCommand();
  const [draft, setDraft, clear] = useDraft(`justify.${journeyId}.${lapse.lapseId}`, () => ({ reason: 'illness_or_injury', evidenceRef: '' }));
  return (
    <CommandForm
      id={`justify-${lapse.lapseId}`}
      title={t('cmd.justify.title', { date: format.day(lapse.occurredAt) })}
      submitLabel={t('cmd.justify')}
      state={command.state}
      onSubmit={async () => {
        const result = await command.submit(`/journeys/${journeyId}/lapses/${lapse.lapseId}/justification`, { reason: draft.reason, ...optional('evidenceRef', draft.evidenceRef) });
        if (result.kind === 'done') {
          clear();
          onChanged(result.body);
        }
      }}
    >
      <Choice name="reason" label={t('cmd.justify.reason')} value={draft.reason} onChange={(reason) => setDraft((d) => ({ ...d, reason }))} options={JUSTIFICATIONS.map((r): [string, string] => [r, t(`justify.reason.${r}`)])} />
      <TextInput name="evidenceRef" label={t('cmd.justify.evidence')} value={draft.evidenceRef} onChange={(evidenceRef) => setDraft((d) => ({ ...d, evidenceRef }))} />
    </CommandForm>
  );
}

/** The commands with a form of their own above (their UX needs it); every other one has the generic form. */
const HAND_WRITTEN = new Set(['RecordIntake', 'SignPact', 'CompletePactAction', 'RecordAppointmentOutcome', 'JustifyLapse']);
const OTHER_COMMANDS = COMMAND_SPECS.filter((spec) => !HAND_WRITTEN.has(spec.type));

/**
 * Every other command of the journey: the operator chooses one, and its form (components/schema-form.tsx) asks for
 * what it names among the journey's own (its offers, appointments, lapses, …) and for its body.
 */
export function OtherCommands({ journey, onChanged }: { journey: JourneyView; onChanged: OnChanged }) {
  const t = useT();
  const format = useFormat();
  const [chosen, setChosen] = useState('');
  const spec = OTHER_COMMANDS.find((c) => c.type === chosen);
  const targets: Record<string, [string, string][]> = {
    actionId: journey.actions.map((a) => [a.actionId, `${a.actionId} · ${a.description}`]),
    appointmentId: journey.appointments.map((a) => [a.appointmentId, `${a.appointmentId} · ${format.instant(a.at)} · ${t(`service.${a.service}`)}`]),
    offerId: journey.offers.map((o) => [o.offerId, `${o.offerId} · ${o.position}`]),
    lapseId: journey.lapses.map((l) => [l.lapseId, `${l.lapseId} · ${format.day(l.occurredAt)}`]),
    stepId: journey.conditionalitySteps.map((s) => [s.stepId, `${s.stepId} · ${s.lapseId}`]),
    referralId: journey.referrals.map((r) => [r.referralId, `${r.referralId} · ${t(`value.${r.to}` as MessageKey)}`]),
    pauseId: journey.pauses.map((p) => [p.pauseId, `${p.pauseId} · ${format.day(p.from)}`]),
    version: journey.pactVersions.map((v) => [String(v.version), t('journey.pactVersion', { version: v.version, date: format.day(v.signedAt) })]),
    service: journey.serviceProgress.map((s) => [s.service, t(`service.${s.service}`)]),
  };
  return (
    <section className="sal-card sal-command" aria-labelledby="other-commands-title">
      <h3 id="other-commands-title" className="h5">
        {t('commands.title')}
      </h3>
      <p className="sal-help">{t('commands.intro')}</p>
      <Choice
        name="command"
        label={t('commands.choose')}
        value={chosen}
        onChange={setChosen}
        options={[['', t('commands.choice.none')], ...OTHER_COMMANDS.map((c): [string, string] => [c.type, t(`command.${c.type}` as MessageKey)])]}
      />
      {spec && <SchemaCommandForm key={spec.type} spec={spec} journeyId={journey.journeyId} targets={targets} onChanged={onChanged} />}
    </section>
  );
}
