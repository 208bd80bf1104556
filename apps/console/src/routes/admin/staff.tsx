import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import { fieldMessages } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadFailed, RequireAdministrator } from '../../components/admin';
import { apiErrorOf, ApiErrorNotice, type ApiErrorDetail } from '../../components/api-error';
import { ApiFieldErrors, Choice, FieldProblemList, TextInput } from '../../components/fields';
import { useFormat } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n';

type Member = components['schemas']['StaffMemberDto'];
type Role = Member['role'];
const ROLES: readonly Role[] = ['operator', 'supervisor'];

/** The staff directory: where operators' and supervisors' notices go; an administrator lists, adds and edits members. */
export function StaffAdminPage() {
  usePageTitle('staff.title');
  return (
    <RequireAdministrator>
      <Staff />
    </RequireAdministrator>
  );
}

function Staff() {
  const t = useT();
  const api = useApi();
  const format = useFormat();
  const [filters, setFilters] = useState<{ officeId: string; role: string }>({ officeId: '', role: '' });
  const [draftRole, setDraftRole] = useState('');
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [filterErrors, setFilterErrors] = useState<Record<string, string[]>>({});
  const query = { ...(filters.officeId ? { officeId: filters.officeId } : {}), ...(filters.role ? { role: filters.role as Role } : {}) };
  const staff = useQuery({
    queryKey: ['staff', query],
    queryFn: async () => {
      const { data, error } = await api.GET('/staff', { params: { query } });
      if (error) {
        setFilterErrors(fieldMessages(error, t));
        throw error;
      }
      setFilterErrors({});
      return data;
    },
    retry: false,
  });
  return (
    <>
      <h1>{t('staff.title')}</h1>
      <section className="sal-card sal-filters" aria-labelledby="staff-filters-title">
        <h2 id="staff-filters-title" className="h5">
          {t('admin.filters')}
        </h2>
        <Form
          className="sal-filter-grid sal-admin-filters"
          validationErrors={filterErrors}
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            setFilters({ officeId: String(new FormData(event.currentTarget).get('officeId') ?? '').trim(), role: draftRole });
          }}
        >
          <TextInput name="officeId" label={t('staff.office')} help={t('staff.officeHelp')} autoComplete="off" />
          <Choice label={t('staff.role')} value={draftRole} onChange={setDraftRole} options={[['', t('staff.anyRole')], ...ROLES.map((r): [string, string] => [r, t(`staff.role.${r}`)])]} />
          <div className="sal-buttons">
            <Button type="submit" className="btn btn-primary">
              {t('admin.apply')}
            </Button>
            <Button
              className="btn btn-outline-primary"
              onPress={() => {
                setEditing('new');
                setSaved(null);
              }}
            >
              {t('staff.add')}
            </Button>
          </div>
        </Form>
      </section>
      {saved && (
        <div className="alert alert-success mt-3" role="status">
          {t('staff.saved', { staffId: saved })}
        </div>
      )}
      {editing && (
        <MemberForm
          key={editing === 'new' ? 'new' : editing.staffId}
          member={editing === 'new' ? null : editing}
          onSaved={(member) => {
            setEditing(null);
            setSaved(member.staffId);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <section className="mt-4" aria-labelledby="staff-results-title">
        <h2 id="staff-results-title" className="h5" aria-live="polite">
          {staff.data ? t('staff.results', { total: staff.data.length }) : staff.isError ? t('admin.loadFailed') : t('app.loading')}
        </h2>
        {staff.isError && Object.keys(filterErrors).length === 0 && <LoadFailed />}
        {staff.data && staff.data.length === 0 && <p>{t('staff.none')}</p>}
        {staff.data && staff.data.length > 0 && (
          <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t('staff.listLabel')}>
            <table className="table sal-table">
              <thead>
                <tr>
                  <th scope="col">{t('staff.col.staffId')}</th>
                  <th scope="col">{t('staff.col.name')}</th>
                  <th scope="col">{t('staff.office')}</th>
                  <th scope="col">{t('staff.role')}</th>
                  <th scope="col">{t('staff.col.email')}</th>
                  <th scope="col">{t('staff.col.active')}</th>
                  <th scope="col">{t('staff.col.updated')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {staff.data.map((m) => (
                  <tr key={m.staffId}>
                    <td>
                      <code>{m.staffId}</code>
                    </td>
                    <td>{m.displayName}</td>
                    <td>{m.officeId}</td>
                    <td>{t(`staff.role.${m.role}`)}</td>
                    <td>{m.email}</td>
                    <td>{m.active ? t('admin.yes') : t('admin.no')}</td>
                    <td>{format.instant(m.updatedAt)}</td>
                    <td>
                      <Button
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('staff.edit', { staffId: m.staffId })}
                        onPress={() => {
                          setEditing(m);
                          setSaved(null);
                        }}
                      >
                        {t('staff.editShort')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/**
 * Adds or replaces a member (`PUT /staff/{staffId}`), with the API's message beside each field it refuses, kept
 * until the person changes that field ({@link ApiFieldErrors}, as every form); `aria` validation, so the browser never blocks the corrected submit.
 */
function MemberForm({ member, onSaved, onCancel }: { member: Member | null; onSaved(member: Member): void; onCancel(): void }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [role, setRole] = useState<Role>(member?.role ?? 'operator');
  const [active, setActive] = useState(member?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [refusal, setRefusal] = useState<ApiErrorDetail | null>(null);
  const [sending, setSending] = useState(false);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    const staffId = member?.staffId ?? value('staffId').trim();
    setSending(true);
    try {
      const { data, error } = await api.PUT('/staff/{staffId}', {
        params: { path: { staffId } },
        body: { officeId: value('officeId').trim(), role, email: value('email'), displayName: value('displayName'), active },
      });
      if (error) {
        const fields = fieldMessages(error, t);
        setErrors(fields);
        setRefusal(Object.keys(fields).length === 0 ? apiErrorOf(error) : null);
        return;
      }
      await queries.invalidateQueries({ queryKey: ['staff'] });
      onSaved(data);
    } finally {
      setSending(false);
    }
  }
  return (
    <section className="sal-card mt-4" aria-labelledby="member-form-title">
      <h2 id="member-form-title" className="h5">
        {member ? t('staff.form.edit', { staffId: member.staffId }) : t('staff.form.new')}
      </h2>
      {Object.keys(errors).length > 0 && (
        <div className="alert alert-danger" role="alert">
          <p className="mb-1">{t('form.invalid')}</p>
          <FieldProblemList errors={errors} />
        </div>
      )}
      {refusal !== null && <ApiErrorNotice error={refusal} />}
      <Form className="sal-form" validationBehavior="aria" onSubmit={(event) => void save(event)}>
        <ApiFieldErrors errors={errors}>
        {!member && <TextInput name="staffId" label={t('staff.staffId')} help={t('staff.staffIdHelp')} isRequired autoComplete="off" />}
        <TextInput name="officeId" label={t('staff.office')} defaultValue={member?.officeId ?? ''} isRequired autoComplete="off" />
        <Choice name="role" label={t('staff.role')} value={role} onChange={(v) => setRole((v || 'operator') as Role)} options={ROLES.map((r): [string, string] => [r, t(`staff.role.${r}`)])} />
        <TextInput name="email" type="email" label={t('staff.email')} defaultValue={member?.email ?? ''} isRequired autoComplete="off" />
        <TextInput name="displayName" label={t('staff.displayName')} defaultValue={member?.displayName ?? ''} isRequired autoComplete="off" />
        </ApiFieldErrors>
        <Checkbox isSelected={active} onChange={setActive} className="sal-checkbox" name="active">
          {t('staff.active')}
        </Checkbox>
        <div className="sal-buttons">
          <Button type="submit" className="btn btn-primary">
            {sending ? t('form.sending') : t('staff.save')}
          </Button>
          <Button className="btn btn-outline-primary" onPress={onCancel}>
            {t('form.cancel')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
