import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import type { components, operations } from '../../api/schema';
import { useFormat } from '../../components/format';
import type { MessageKey } from '../../i18n/catalogue';
import { useI18n, useT, type Translate } from '../../i18n/i18n';
import { ListScreen, type FilterSpec, type PageAnswer } from './list-screen';
import { addDays, compact, isDay, mondayOf, romeToday, text } from './scope';

type Query<O extends keyof operations> = NonNullable<operations[O]['parameters']['query']>;
type StalledCase = components['schemas']['StalledCaseDto'];
type OverdueAction = components['schemas']['OverdueActionDto'];
type Appointment = components['schemas']['AppointmentDto'];
type Step = components['schemas']['ConditionalityStepDto'];

/** The API's values of each filter (its DTOs' enums; a value missing here is a type error against the generated schema). */
export const STALL_REASONS = ['overdue_action', 'missed_contact', 'pact_not_signed', 'no_progress', 'first_contact_missed'] as const satisfies readonly NonNullable<Query<'SupervisorController_stalledCases'>['reason']>[];
const OPEN_STAGES = ['assessment', 'awaiting_intake', 'awaiting_pact', 'pact_active', 'suspended'] as const satisfies readonly NonNullable<Query<'SupervisorController_stalledCases'>['stage']>[];
const STALLED_SORTS = ['longest', 'newest'] as const satisfies readonly NonNullable<Query<'SupervisorController_stalledCases'>['sort']>[];
const ACTION_KINDS = ['job_search_act', 'workshop', 'training', 'interview', 'skills_assessment', 'tutoring', 'company_scouting', 'other'] as const satisfies readonly NonNullable<
  Query<'SupervisorController_overdueActions'>['kind']
>[];
const APPOINTMENT_STATUSES = ['scheduled', 'held', 'no_show', 'cancelled'] as const satisfies readonly NonNullable<Query<'SupervisorController_appointments'>['status']>[];
const SERVICES = ['reception', 'second_level_interview', 'path_definition', 'skills_assessment', 'tutoring', 'job_search'] as const satisfies readonly NonNullable<
  Query<'SupervisorController_appointments'>['service']
>[];
const APPOINTMENT_SORTS = ['earliest', 'latest'] as const satisfies readonly NonNullable<Query<'SupervisorController_appointments'>['sort']>[];
const STEP_STATUSES = ['proposed', 'confirmed', 'dismissed', 'annulled'] as const satisfies readonly NonNullable<Query<'SupervisorController_conditionalitySteps'>['status']>[];
const LADDERS = ['appointments', 'training', 'suitable_offer'] as const satisfies readonly NonNullable<Query<'SupervisorController_conditionalitySteps'>['ladder']>[];
const EFFECTS = ['quarter_month_cut', 'one_month_cut', 'decadenza'] as const satisfies readonly NonNullable<Query<'SupervisorController_conditionalitySteps'>['effect']>[];
const STEP_SORTS = ['oldest', 'newest'] as const satisfies readonly NonNullable<Query<'SupervisorController_conditionalitySteps'>['sort']>[];

function choice(name: string, label: MessageKey, any: MessageKey | null, values: readonly string[], labelOf: (value: string) => string, t: Translate): FilterSpec {
  return { name, label, kind: 'choice', options: [...(any ? [['', t(any)] as [string, string]] : []), ...values.map((v): [string, string] => [v, labelOf(v)])] };
}
const yesNo = (name: string, label: MessageKey, t: Translate): FilterSpec => choice(name, label, 'sup.any', ['true', 'false'], (v) => t(v === 'true' ? 'sup.yes' : 'sup.no'), t);

/** The catalogue's stall reasons are written to follow other words ("fermo per: patto non firmato…"): alone, capitalised. */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Person({ journeyId, familyName, givenName }: { journeyId: string; familyName: string; givenName: string }) {
  return (
    <Link to="/journeys/$journeyId" params={{ journeyId }}>
      {familyName} {givenName}
    </Link>
  );
}

/** Stalled cases (`GET /supervisor/stalled-cases`). */
export function StalledCasesPage() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const search = useSearch({ from: '/supervisor/stalled' });
  return (
    <ListScreen<StalledCase>
      title="sup.stalled.title"
      intro="sup.stalled.intro"
      testId="stalled-list"
      search={search}
      path="/supervisor/stalled-cases"
      filters={[
        choice('reason', 'sup.reason', 'sup.anyReason', STALL_REASONS, (r) => capitalised(t(`stall.${r}` as MessageKey)), t),
        choice('stage', 'cases.stage', 'cases.anyStage', OPEN_STAGES, (s) => t(`stage.${s}` as MessageKey), t),
        { name: 'minDays', label: 'sup.minDays', kind: 'number' },
        { name: 'operatorId', label: 'sup.operator', kind: 'text' },
        choice('sort', 'cases.sort', null, STALLED_SORTS, (s) => t(`sup.sort.${s}` as MessageKey), t),
      ]}
      fetchPage={(officeId, query) =>
        api.GET('/supervisor/stalled-cases', { params: { query: { ...query, officeId } as Query<'SupervisorController_stalledCases'> } }) as PageAnswer<StalledCase>
      }
      rowKey={(c) => c.journeyId}
      columns={7}
      head={
        <>
          <th scope="col">{t('cases.col.person')}</th>
          <th scope="col">{t('cases.col.office')}</th>
          <th scope="col">{t('cases.col.programme')}</th>
          <th scope="col">{t('cases.col.stage')}</th>
          <th scope="col">{t('sup.col.reasons')}</th>
          <th scope="col">{t('sup.col.stalledSince')}</th>
          <th scope="col">{t('sup.col.operator')}</th>
        </>
      }
      row={(c) => (
        <>
          <td>
            <Person {...c} />
          </td>
          <td>{c.officeId}</td>
          <td>{c.programmeCode}</td>
          <td>{t(`stage.${c.stage}`)}</td>
          <td>{capitalised(c.reasons.map((r) => t(`stall.${r}` as MessageKey)).join(', '))}</td>
          <td>
            {format.day(c.stalledSince)} · {t('sup.days', { days: c.daysStalled })}
          </td>
          <td>{c.operatorId ?? '–'}</td>
        </>
      )}
    />
  );
}

/** Overdue pact actions (`GET /supervisor/overdue-actions`). */
export function OverdueActionsPage() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const search = useSearch({ from: '/supervisor/overdue' });
  return (
    <ListScreen<OverdueAction>
      title="sup.overdue.title"
      intro="sup.overdue.intro"
      testId="overdue-list"
      search={search}
      path="/supervisor/overdue-actions"
      filters={[
        choice('kind', 'sup.kind', 'sup.anyKind', ACTION_KINDS, (k) => t(`action.kind.${k}` as MessageKey), t),
        { name: 'minDaysOverdue', label: 'sup.minDaysOverdue', kind: 'number' },
        yesNo('escalated', 'sup.escalated', t),
        { name: 'operatorId', label: 'sup.operator', kind: 'text' },
      ]}
      fetchPage={(officeId, query) =>
        api.GET('/supervisor/overdue-actions', { params: { query: { ...query, officeId } as Query<'SupervisorController_overdueActions'> } }) as PageAnswer<OverdueAction>
      }
      rowKey={(a) => `${a.journeyId}/${a.actionId}`}
      columns={6}
      head={
        <>
          <th scope="col">{t('cases.col.person')}</th>
          <th scope="col">{t('cases.col.office')}</th>
          <th scope="col">{t('sup.col.action')}</th>
          <th scope="col">{t('sup.col.due')}</th>
          <th scope="col">{t('sup.col.escalated')}</th>
          <th scope="col">{t('sup.col.operator')}</th>
        </>
      }
      row={(a) => (
        <>
          <td>
            <Person {...a} />
          </td>
          <td>{a.officeId}</td>
          <td>
            {t(`action.kind.${a.kind}` as MessageKey)}: {a.description}
          </td>
          <td>
            {format.day(a.dueAt)} · {t('sup.days', { days: a.daysOverdue })}
          </td>
          <td>{format.instant(a.escalatedAt)}</td>
          <td>{a.operatorId ?? '–'}</td>
        </>
      )}
    />
  );
}

/** The agenda: the offices' appointments of a day or a week (`GET /supervisor/appointments`, Rome calendar days). */
export function AgendaPage() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ from: '/supervisor/agenda' });
  const { locale } = useI18n();
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Rome' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Rome' });
  const view = search.view === 'week' ? 'week' : 'day';
  const day = isDay(text(search, 'day')) ? text(search, 'day') : romeToday();
  const from = view === 'week' ? mondayOf(day) : day;
  const to = view === 'week' ? addDays(from, 6) : day;
  const go = (next: Record<string, string | undefined>) => void navigate({ to: '.', search: compact({ ...search, ...next, page: undefined }) as never });
  const step = view === 'week' ? 7 : 1;
  const toolbar = (
    <section aria-labelledby="agenda-period" className="sal-card mb-3 sal-agenda-bar">
      <h2 id="agenda-period" className="h5" data-testid="agenda-period">
        {view === 'week' ? t('sup.agenda.week', { from: format.day(from), to: format.day(to) }) : t('sup.agenda.day', { day: format.day(day) })}
      </h2>
      <div className="sal-buttons" role="group" aria-label={t('sup.agenda.view')}>
        <Button className={view === 'day' ? 'btn btn-primary btn-sm' : 'btn btn-outline-primary btn-sm'} aria-pressed={view === 'day'} onPress={() => go({ view: 'day' })}>
          {t('sup.agenda.dayView')}
        </Button>
        <Button className={view === 'week' ? 'btn btn-primary btn-sm' : 'btn btn-outline-primary btn-sm'} aria-pressed={view === 'week'} onPress={() => go({ view: 'week' })}>
          {t('sup.agenda.weekView')}
        </Button>
        <Button className="btn btn-outline-primary btn-sm" onPress={() => go({ day: addDays(day, -step) })}>
          {t(view === 'week' ? 'sup.agenda.previousWeek' : 'sup.agenda.previousDay')}
        </Button>
        <Button className="btn btn-outline-primary btn-sm" onPress={() => go({ day: undefined })}>
          {t('sup.agenda.today')}
        </Button>
        <Button className="btn btn-outline-primary btn-sm" onPress={() => go({ day: addDays(day, step) })}>
          {t(view === 'week' ? 'sup.agenda.nextWeek' : 'sup.agenda.nextDay')}
        </Button>
      </div>
    </section>
  );
  const filters: FilterSpec[] = [
    choice('status', 'cases.status', 'sup.anyStatus', APPOINTMENT_STATUSES, (s) => t(`appointment.status.${s}` as MessageKey), t),
    choice('service', 'sup.service', 'sup.anyService', SERVICES, (s) => t(`service.${s}` as MessageKey), t),
    yesNo('convocationValid', 'sup.convocationValid', t),
    { name: 'operatorId', label: 'sup.operator', kind: 'text' },
    choice('sort', 'cases.sort', null, APPOINTMENT_SORTS, (s) => t(`sup.sort.${s}` as MessageKey), t),
  ];
  return (
    <ListScreen<Appointment>
      title="sup.agenda.title"
      intro="sup.agenda.intro"
      testId="agenda-list"
      search={search}
      path="/supervisor/appointments"
      toolbar={toolbar}
      filters={filters}
      apiQuery={(s) => ({ ...Object.fromEntries(filters.map((f) => [f.name, s[f.name]]).filter(([, v]) => v !== undefined && v !== '')), from, to })}
      fetchPage={(officeId, query) =>
        api.GET('/supervisor/appointments', { params: { query: { ...query, officeId } as Query<'SupervisorController_appointments'> } }) as PageAnswer<Appointment>
      }
      rowKey={(a) => `${a.journeyId}/${a.appointmentId}`}
      columns={6}
      head={
        <>
          <th scope="col">{t('sup.col.when')}</th>
          <th scope="col">{t('cases.col.person')}</th>
          <th scope="col">{t('sup.service')}</th>
          <th scope="col">{t('cases.col.office')}</th>
          <th scope="col">{t('cases.status')}</th>
          <th scope="col">{t('sup.col.convocation')}</th>
        </>
      }
      row={(a) => (
        <>
          <td>{view === 'week' ? `${weekday.format(new Date(a.at))} · ${time.format(new Date(a.at))}` : format.instant(a.at)}</td>
          <td>
            <Person {...a} />
          </td>
          <td>{t(`service.${a.service}` as MessageKey)}</td>
          <td>
            {a.officeId}
            {a.location ? ` · ${a.location}` : ''}
          </td>
          <td>{t(`appointment.status.${a.status}` as MessageKey)}</td>
          <td>{a.convocationValid ? t('sup.convocation.valid') : t('sup.convocation.notValid')}</td>
        </>
      )}
    />
  );
}

/** Conditionality steps (`GET /supervisor/conditionality-steps`): those awaiting a decision first. */
export function StepsPage() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const search = useSearch({ from: '/supervisor/steps' });
  return (
    <ListScreen<Step>
      title="sup.steps.title"
      intro="sup.steps.intro"
      testId="steps-list"
      search={search}
      path="/supervisor/conditionality-steps"
      filters={[
        choice('status', 'cases.status', 'sup.anyStatus', STEP_STATUSES, (s) => t(`sup.stepStatus.${s}` as MessageKey), t),
        choice('ladder', 'sup.ladder', 'sup.anyLadder', LADDERS, (l) => t(`sup.ladder.${l}` as MessageKey), t),
        choice('effect', 'sup.effect', 'sup.anyEffect', EFFECTS, (e) => t(`sup.effect.${e}` as MessageKey), t),
        yesNo('appealPending', 'sup.appealPending', t),
        choice('sort', 'cases.sort', null, STEP_SORTS, (s) => t(`sup.sort.${s}` as MessageKey), t),
      ]}
      fetchPage={(officeId, query) =>
        api.GET('/supervisor/conditionality-steps', { params: { query: { ...query, officeId } as Query<'SupervisorController_conditionalitySteps'> } }) as PageAnswer<Step>
      }
      rowKey={(s) => `${s.journeyId}/${s.stepId}`}
      columns={7}
      head={
        <>
          <th scope="col">{t('cases.col.person')}</th>
          <th scope="col">{t('cases.col.office')}</th>
          <th scope="col">{t('sup.ladder')}</th>
          <th scope="col">{t('sup.effect')}</th>
          <th scope="col">{t('cases.status')}</th>
          <th scope="col">{t('sup.col.proposed')}</th>
          <th scope="col">{t('sup.col.appealDue')}</th>
        </>
      }
      row={(s) => (
        <>
          <td>
            <Person {...s} />
          </td>
          <td>{s.officeId}</td>
          <td>
            {t(`sup.ladder.${s.ladder}` as MessageKey)} · {s.ordinal}
          </td>
          <td>{t(`sup.effect.${s.effect}` as MessageKey)}</td>
          <td>
            {t(`sup.stepStatus.${s.status}` as MessageKey)}
            {s.appealPending ? ` · ${t('sup.appealPending')}` : ''}
          </td>
          <td>
            {format.day(s.proposedAt)}
            {s.daysWaiting !== null ? ` · ${t('sup.days', { days: s.daysWaiting })}` : ''}
          </td>
          <td>{format.day(s.appealDueAt)}</td>
        </>
      )}
    />
  );
}
