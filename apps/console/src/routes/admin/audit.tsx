import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Form } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import { fieldMessages } from '../../api/client';
import { LoadFailed, Paging, RequireAdministrator, useLabel } from '../../components/admin';
import { TextInput } from '../../components/fields';
import { useFormat } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n';

const PAGE_SIZE = 50;
interface AuditFilters {
  journeyId: string;
  subject: string;
  personRef: string;
}
const NO_FILTERS: AuditFilters = { journeyId: '', subject: '', personRef: '' };

/** The audit log: every request by an authenticated caller, newest first, filtered as `GET /audit` allows, paged. */
export function AuditAdminPage() {
  usePageTitle('audit.title');
  return (
    <RequireAdministrator>
      <Audit />
    </RequireAdministrator>
  );
}

function Audit() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const label = useLabel();
  // The filters live in the page, never in the URL: a person reference is not personal data, but a path carries a journey id at most.
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.journeyId ? { journeyId: filters.journeyId } : {}),
    ...(filters.subject ? { subject: filters.subject } : {}),
    ...(filters.personRef ? { personRef: filters.personRef } : {}),
  };
  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: async () => {
      const { data, error } = await api.GET('/audit', { params: { query } });
      if (error) {
        setErrors(fieldMessages(error, t));
        throw error;
      }
      setErrors({});
      return data;
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <section className="sal-card sal-filters" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title" className="h5">
          {t('admin.filters')}
        </h2>
        <Form
          className="sal-filter-grid sal-admin-filters"
          validationErrors={errors}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const value = (name: keyof AuditFilters) => String(form.get(name) ?? '').trim();
            setFilters({ journeyId: value('journeyId'), subject: value('subject'), personRef: value('personRef') });
            setPage(1);
          }}
        >
          <TextInput name="journeyId" label={t('audit.journeyId')} help={t('audit.journeyIdHelp')} autoComplete="off" />
          <TextInput name="subject" label={t('audit.subject')} help={t('audit.subjectHelp')} autoComplete="off" />
          <TextInput name="personRef" label={t('audit.personRef')} help={t('audit.personRefHelp')} autoComplete="off" />
          <div className="sal-buttons">
            <Button type="submit" className="btn btn-primary">
              {t('admin.apply')}
            </Button>
            <Button
              type="reset"
              className="btn btn-outline-primary"
              onPress={() => {
                setFilters(NO_FILTERS);
                setPage(1);
              }}
            >
              {t('admin.reset')}
            </Button>
          </div>
        </Form>
      </section>
      <section className="mt-4" aria-labelledby="audit-results-title">
        <h2 id="audit-results-title" className="h5" aria-live="polite">
          {audit.data ? t('audit.results', { total: audit.data.total }) : audit.isError ? t('admin.loadFailed') : t('app.loading')}
        </h2>
        {audit.isError && Object.keys(errors).length === 0 && <LoadFailed />}
        {audit.data && audit.data.items.length === 0 && <p>{t('audit.none')}</p>}
        {audit.data && audit.data.items.length > 0 && (
          <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t('audit.listLabel')}>
            <table className="table sal-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.at')}</th>
                  <th scope="col">{t('audit.col.subject')}</th>
                  <th scope="col">{t('audit.col.role')}</th>
                  <th scope="col">{t('audit.col.request')}</th>
                  <th scope="col">{t('audit.col.journey')}</th>
                  <th scope="col">{t('audit.col.office')}</th>
                  <th scope="col">{t('audit.col.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>{format.instant(entry.at)}</td>
                    <td>
                      <code>{entry.subject}</code>
                    </td>
                    <td>{label('role', entry.role)}</td>
                    <td>
                      <code>
                        {entry.method} {entry.route}
                      </code>
                    </td>
                    <td>
                      {entry.journeyId ? (
                        <Link to="/journeys/$journeyId" params={{ journeyId: entry.journeyId }}>
                          <code>{entry.journeyId}</code>
                        </Link>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{entry.officeId ?? '–'}</td>
                    <td>
                      {entry.status} · {label('audit.outcome', entry.outcome)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {audit.data && <Paging page={page} pageSize={PAGE_SIZE} total={audit.data.total} onPage={setPage} />}
      </section>
    </>
  );
}
