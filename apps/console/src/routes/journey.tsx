import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import type { components } from '../api/schema';
import { useFormat } from '../components/format';
import { usePageTitle } from '../components/page-title';
import { EventPhrase, EveryDuration } from '../components/phrases';
import type { MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { CompleteActionForm, IntakeForm, JustifyLapseForm, OtherCommands, OutcomeForm, PactForm } from './journey-commands';

export type JourneyView = components['schemas']['JourneyViewDto'];

/**
 * A journey's page: `/console/journeys/$journeyId` (the journey id is the only identifier in the path; the title
 * names no one). Two calls: the live state (`GET /journeys/{id}`) and the timeline (`GET /journeys/{id}/events`).
 * The timeline is the read model's, written after the journey decides: after a command, and while the live state says
 * events are still to be written (`sideEffects.projection.pending`), the page reads the state again every second, and
 * the timeline once they are all written.
 */
export function JourneyPage() {
  usePageTitle('journey.title');
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const { journeyId } = useParams({ from: '/journeys/$journeyId' });
  const queryClient = useQueryClient();
  const journey = useQuery({
    queryKey: ['journey', journeyId],
    queryFn: async () => {
      const { data, error } = await api.GET('/journeys/{journeyId}', { params: { path: { journeyId } } });
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) => ((query.state.data?.sideEffects?.projection.pending ?? 0) > 0 ? 1000 : false),
  });
  const projectionPending = journey.data?.sideEffects?.projection.pending ?? 0;
  const events = useQuery({
    queryKey: ['journey-events', journeyId],
    queryFn: async () => {
      const { data, error } = await api.GET('/journeys/{journeyId}/events', { params: { path: { journeyId } } });
      if (error) throw error;
      return data;
    },
  });
  // The live state read (a command's answer carries no `sideEffects`) says every event is written: read the timeline.
  const projectionKnown = journey.data?.sideEffects !== undefined;
  useEffect(() => {
    if (projectionKnown && projectionPending === 0) void queryClient.invalidateQueries({ queryKey: ['journey-events', journeyId] });
  }, [journey.dataUpdatedAt, projectionKnown, projectionPending, journeyId, queryClient]);
  /** A command answered the journey's new state: show it, and fetch the timeline again. */
  const onChanged = (view: unknown) => {
    queryClient.setQueryData(['journey', journeyId], view);
    // Read the live state again: it says whether the read model has written the command's events yet.
    void queryClient.invalidateQueries({ queryKey: ['journey', journeyId] });
    void queryClient.invalidateQueries({ queryKey: ['journey-events', journeyId] });
    void queryClient.invalidateQueries({ queryKey: ['journeys'] });
  };

  if (journey.isPending) return <p role="status">{t('journey.loading')}</p>;
  if (journey.isError || !journey.data)
    return (
      <div className="alert alert-danger" role="alert">
        {t('journey.notFound')}
      </div>
    );
  const j = journey.data;
  const pendingActions = j.actions.filter((a) => a.status === 'pending' || a.status === 'overdue');
  const scheduled = j.appointments.filter((a) => a.status === 'scheduled');
  const openLapses = j.lapses.filter((l) => l.status === 'awaiting_justification');
  const pactInForce = j.pact !== null;

  return (
    <>
      <p>
        <Link to="/cases">{t('journey.back')}</Link>
      </p>
      <h1>
        {j.beneficiary.familyName} {j.beneficiary.givenName}
      </h1>
      <section aria-labelledby="summary-title" className="sal-card">
        <h2 id="summary-title" className="h4">
          {t('journey.summary')}
        </h2>
        <dl className="sal-facts">
          <dt>{t('journey.fiscalCode')}</dt>
          <dd>{j.beneficiary.fiscalCode}</dd>
          <dt>{t('journey.programme')}</dt>
          <dd>
            {j.programmeCode}
            {j.assessment?.path ? ` · GOL ${j.assessment.path.path}` : ''}
          </dd>
          <dt>{t('journey.office')}</dt>
          <dd>{j.officeId}</dd>
          <dt>{t('journey.operator')}</dt>
          <dd>{j.pact?.responsibleOperatorId ?? j.intake?.operatorId ?? t('journey.none')}</dd>
          <dt>{t('journey.stage')}</dt>
          <dd data-testid="journey-stage">{t(`stage.${j.stage}`)}</dd>
          <dt>{t('journey.nextDeadline')}</dt>
          <dd>{j.nextDeadline ? format.instant(j.nextDeadline.at) : t('journey.none')}</dd>
          <dt>{t('journey.didDate')}</dt>
          <dd>{format.day(j.didDate)}</dd>
        </dl>
        {j.stalled && (
          <p className="alert alert-warning mb-0">
            {t('journey.stalled', { date: format.day(j.stalled.since), reasons: j.stalled.reasons.map((r) => t(`stall.${r}` as MessageKey)).join(', ') })}
          </p>
        )}
      </section>

      {j.status === 'open' && (
        <section aria-labelledby="commands-title" className="mt-4">
          <h2 id="commands-title" className="h4">
            {t('journey.actions')}
          </h2>
          <p className="sal-help">{t('journey.actionsNote')}</p>
          <div className="sal-commands">
            {!j.intake && <IntakeForm journeyId={journeyId} onChanged={onChanged} />}
            {!pactInForce && <PactForm journey={j} onChanged={onChanged} />}
            {pendingActions.map((action) => (
              <CompleteActionForm key={action.actionId} journeyId={journeyId} action={action} onChanged={onChanged} />
            ))}
            {scheduled.map((appointment) => (
              <OutcomeForm key={appointment.appointmentId} journeyId={journeyId} appointment={appointment} onChanged={onChanged} />
            ))}
            {openLapses.map((lapse) => (
              <JustifyLapseForm key={lapse.lapseId} journeyId={journeyId} lapse={lapse} onChanged={onChanged} />
            ))}
            <OtherCommands journey={j} onChanged={onChanged} />
          </div>
        </section>
      )}

      <section aria-labelledby="pact-title" className="mt-4">
        <h2 id="pact-title" className="h4">
          {t('journey.pact')}
        </h2>
        {!j.pact ? (
          <p>{t('journey.noPact')}</p>
        ) : (
          <>
            <p>{t('journey.pactVersion', { version: j.pact.version, date: format.day(j.pact.signedAt) })}</p>
            <p>
              {t('journey.profiling')}: {t(`profiling.${j.pact.profilingClass}`)} · {t('journey.contactFrequency')}: <EveryDuration iso={j.pact.contactFrequency} />
            </p>
          </>
        )}
        {j.actions.length > 0 && (
          <div className="sal-table-scroll" tabIndex={0} role="region" aria-labelledby="actions-title">
            <table className="table sal-table">
              <caption id="actions-title">{t('journey.pactActions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('journey.col.action')}</th>
                  <th scope="col">{t('journey.col.kind')}</th>
                  <th scope="col">{t('journey.col.due')}</th>
                  <th scope="col">{t('journey.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {j.actions.map((a) => (
                  <tr key={a.actionId}>
                    <td>
                      {a.actionId} · {a.description}
                    </td>
                    <td>{t(`action.kind.${a.kind}`)}</td>
                    <td>{format.instant(a.dueAt)}</td>
                    <td data-testid={`action-status-${a.actionId}`}>{t(`action.status.${a.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="appointments-title" className="mt-4">
        <h2 id="appointments-title" className="h4">
          {t('journey.appointments')}
        </h2>
        {j.appointments.length === 0 ? (
          <p>{t('journey.noAppointments')}</p>
        ) : (
          <ul>
            {j.appointments.map((a) => (
              <li key={a.appointmentId}>
                {format.instant(a.at)} · {t(`service.${a.service}`)} · {t(`appointment.status.${a.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="services-title" className="mt-4">
        <h2 id="services-title" className="h4">
          {t('journey.services')}
        </h2>
        <ul className="sal-services">
          {j.serviceProgress.map((s) => (
            <li key={s.service}>
              <strong>{t(`service.${s.service}`)}</strong>: {t(`serviceStatus.${s.status}`)} · {t('journey.serviceHours', { hours: s.hours, sessions: s.sessions })}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lapses-title" className="mt-4">
        <h2 id="lapses-title" className="h4">
          {t('journey.lapses')}
        </h2>
        {j.lapses.length === 0 ? (
          <p>{t('journey.noLapses')}</p>
        ) : (
          <ul>
            {j.lapses.map((l) => (
              <li key={l.lapseId}>{t('journey.lapse', { date: format.day(l.occurredAt), status: t(`lapse.status.${l.status}`) })}</li>
            ))}
          </ul>
        )}
        {j.conditionalitySteps.length > 0 && <p>{t('journey.steps', { count: j.conditionalitySteps.length })}</p>}
      </section>

      <section aria-labelledby="offers-title" className="mt-4">
        <h2 id="offers-title" className="h4">
          {t('journey.offers')}
        </h2>
        {j.offers.length === 0 ? (
          <p>{t('journey.noOffers')}</p>
        ) : (
          <ul>
            {j.offers.map((o) => (
              <li key={o.offerId}>
                {o.employer} · {o.position} · {format.day(o.proposedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-title" className="mt-4">
        <h2 id="timeline-title" className="h4">
          {t('journey.timeline')}
        </h2>
        {!events.data || events.data.length === 0 ? (
          <p>{t('journey.noEvents')}</p>
        ) : (
          <ol className="sal-timeline">
            {events.data.map((e) => (
              <li key={e.seq}>
                <span className="sal-timeline-at">{format.instant(e.at)}</span> <EventPhrase type={e.type} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
