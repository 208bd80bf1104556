import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import type { SignedInUser } from '../../auth';
import { Choice } from '../../components/fields';
import { useT } from '../../i18n/i18n';
import { useSession } from '../../session';

/** The roles the API lets read the supervisors' views (`@Roles` of apps/api/src/supervisor/supervisor.controller.ts). */
export const SUPERVISOR_ROLES = ['supervisor', 'regional_supervisor', 'administrator'] as const;

export function isSupervisor(user: SignedInUser | null): boolean {
  return !!user && user.roles.some((role) => (SUPERVISOR_ROLES as readonly string[]).includes(role));
}

/** The most offices one request may name (apps/api/src/supervisor/dto/office-scope.ts). */
const MAX_OFFICES = 100;

/**
 * A screen's search parameters as the URL carries them: filters, sort, page and the office scope (office ids only —
 * never personal data). Numbers stay numbers so the router writes them plainly.
 */
export type ScreenSearch = Record<string, string | number | undefined>;

export function validateScreenSearch(search: Record<string, unknown>): ScreenSearch {
  const clean: ScreenSearch = {};
  for (const [key, value] of Object.entries(search)) if (typeof value === 'string' || typeof value === 'number') clean[key] = value;
  return clean;
}

export function text(search: ScreenSearch, key: string): string {
  const value = search[key];
  return value === undefined ? '' : String(value);
}

/** The search without the empty values (a filter set to "any"). */
export function compact(search: ScreenSearch): ScreenSearch {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== '' && v !== undefined));
}

/**
 * The offices a supervisor screen looks at: those in the URL (`office`, one id, or none for every office in reach),
 * else every office of the user's token; for a user of every office (`*`, an administrator) the directory's offices.
 */
export function useOfficeScope(search: ScreenSearch): { offices: string[]; choices: string[]; ready: boolean } {
  const { user } = useSession();
  const api = useApi();
  const everywhere = !user || user.offices.includes('*') || user.roles.includes('administrator');
  const directory = useQuery({
    queryKey: ['offices'],
    enabled: everywhere,
    queryFn: async () => {
      const { data, error } = await api.GET('/offices');
      if (error) throw error;
      return data;
    },
    staleTime: 10 * 60_000,
  });
  const own = user ? user.offices.filter((o) => o !== '*') : [];
  const choices = everywhere ? [...new Set([...own, ...(directory.data ?? []).map((o) => o.officeId)])].slice(0, MAX_OFFICES) : own;
  const office = text(search, 'office');
  const offices = office ? [office] : choices;
  return { offices, choices, ready: !everywhere || !directory.isPending };
}

/** The office chooser at the top of every supervisor screen: one office or all of them. */
export function OfficeChooser({ value, choices, onChange }: { value: string; choices: string[]; onChange(office: string): void }) {
  const t = useT();
  if (choices.length < 2) return null;
  return <Choice label={t('sup.office')} value={value} onChange={onChange} options={[['', t('sup.allOffices')], ...choices.map((o): [string, string] => [o, o])]} />;
}

/** What a supervisor screen shows to a user of another role, or before any office is in scope. */
export function SupervisorGate({ offices, ready, children }: { offices: string[]; ready: boolean; children: ReactNode }) {
  const t = useT();
  const { user } = useSession();
  if (!isSupervisor(user))
    return (
      <div className="alert alert-warning" role="alert">
        {t('sup.forbidden')}
      </div>
    );
  if (!ready) return <p role="status">{t('app.loading')}</p>;
  if (offices.length === 0)
    return (
      <div className="alert alert-info" role="status">
        {t('sup.noOffices')}
      </div>
    );
  return <>{children}</>;
}

/** `?officeId=A&officeId=B&key=value…` for a supervisor route (officeId repeated, as the API reads it). */
export function queryString(offices: string[], query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const office of offices) params.append('officeId', office);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/**
 * "Export CSV": the whole filtered set through the API's `Accept: text/csv` (streamed by the API, every page), fetched
 * with the session's bearer token — a plain link would carry none — and saved as a file from a Blob.
 */
export function ExportCsvButton({ path, offices, query }: { path: string; offices: string[]; query: Record<string, string | number | boolean | undefined> }) {
  const t = useT();
  const { session, markExpired } = useSession();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  async function download() {
    setState('busy');
    try {
      const token = await session.accessToken();
      if (!token) {
        markExpired();
        return;
      }
      const { page: _page, pageSize: _size, ...filters } = query;
      void _page;
      void _size;
      const response = await fetch(`${path}?${queryString(offices, filters)}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
      if (response.status === 401) {
        markExpired();
        return;
      }
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      const blob = await response.blob();
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file once the click's task ran.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <div className="sal-export">
      <Button className="btn btn-outline-primary" isDisabled={state === 'busy'} onPress={() => void download()}>
        {state === 'busy' ? t('sup.exporting') : t('sup.export')}
      </Button>
      {state === 'failed' && (
        <span className="sal-field-error" role="alert">
          {t('sup.exportFailed')}
        </span>
      )}
    </div>
  );
}

/** Today's Rome calendar day, YYYY-MM-DD. */
export function romeToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A calendar day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The Monday of the week of `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));
}
