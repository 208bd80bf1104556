import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useApi } from '../../api/api-context';
import { fieldMessages } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadFailed, RequireAdministrator } from '../../components/admin';
import { apiErrorOf, ApiErrorNotice, type ApiErrorDetail } from '../../components/api-error';
import { catalogueDifferences, shownValue } from '../../components/catalogue-diff';
import { Choice, TextInput } from '../../components/fields';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n';

type Catalogue = components['schemas']['ProgrammeCatalogueDto'];

/** What the API answers but a publish does not take: the form gives the code and the scope, the API the version. */
function definitionOf(catalogue: Catalogue): Record<string, unknown> {
  const definition: Record<string, unknown> = { ...catalogue };
  for (const key of ['code', 'version', 'scope']) delete definition[key];
  return definition;
}

/** Programme catalogues: the published ones (national or a region's), a code's versions, their differences, publishing a new one. */
export function ProgrammesAdminPage() {
  usePageTitle('programmes.title');
  return (
    <RequireAdministrator>
      <Programmes />
    </RequireAdministrator>
  );
}

function Programmes() {
  const t = useT();
  const api = useApi();
  const [region, setRegion] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const regions = useQuery({
    queryKey: ['regions'],
    queryFn: async () => {
      const { data, error } = await api.GET('/regions');
      if (error) throw error;
      return data;
    },
    staleTime: Infinity,
  });
  const query = region ? { region: region as NonNullable<components['schemas']['RegionDto']['key']> } : {};
  const programmes = useQuery({
    queryKey: ['programmes', region],
    queryFn: async () => {
      const { data, error } = await api.GET('/programmes', { params: { query: query as never } });
      if (error) throw error;
      return data;
    },
  });
  return (
    <>
      <h1>{t('programmes.title')}</h1>
      <section className="sal-card sal-filters" aria-labelledby="programmes-list-title">
        <h2 id="programmes-list-title" className="h5">
          {t('programmes.list')}
        </h2>
        <div className="sal-admin-scope">
          <Choice
            label={t('programmes.scope')}
            value={region}
            onChange={(next) => {
              setRegion(next);
              setCode(null);
            }}
            options={[['', t('programmes.national')], ...(regions.data ?? []).map((r): [string, string] => [r.key, r.name])]}
          />
        </div>
        {programmes.isError && <LoadFailed />}
        {programmes.data && programmes.data.length === 0 && <p>{t('programmes.none')}</p>}
        {programmes.data && programmes.data.length > 0 && (
          <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t('programmes.listLabel')}>
            <table className="table sal-table">
              <thead>
                <tr>
                  <th scope="col">{t('programmes.col.code')}</th>
                  <th scope="col">{t('programmes.col.title')}</th>
                  <th scope="col">{t('programmes.col.version')}</th>
                  <th scope="col">{t('programmes.col.scope')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {programmes.data.map((p) => (
                  <tr key={`${p.scope}:${p.code}`} aria-current={p.code === code ? 'true' : undefined}>
                    <td>
                      <code>{p.code}</code>
                    </td>
                    <td>{p.title}</td>
                    <td>{p.version}</td>
                    <td>{p.scope === 'national' ? t('programmes.national') : (regions.data?.find((r) => r.key === p.scope)?.name ?? p.scope)}</td>
                    <td>
                      <Button className="btn btn-outline-primary btn-sm" onPress={() => setCode(p.code)}>
                        {t('programmes.open', { code: p.code })}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {code && <Versions key={`${region}:${code}`} code={code} region={region} onCode={setCode} />}
      {!code && programmes.data?.length === 0 && <Publish key={`new:${region}`} region={region} latest={null} onPublished={setCode} />}
    </>
  );
}

function Versions({ code, region, onCode }: { code: string; region: string; onCode(code: string): void }) {
  const t = useT();
  const api = useApi();
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: ['programme-versions', code, region],
    queryFn: async () => {
      const { data, error } = await api.GET('/programmes/{code}/versions', { params: { path: { code }, query: (region ? { region } : {}) as never } });
      if (error) throw error;
      return data;
    },
  });
  const list = versions.data ?? [];
  const latest = list.at(-1) ?? null;
  const from = pair?.from ?? list.at(-2)?.version ?? 0;
  const to = pair?.to ?? latest?.version ?? 0;
  const before = list.find((v) => v.version === from);
  const after = list.find((v) => v.version === to);
  const options = list.map((v): [string, string] => [String(v.version), t('programmes.versionTitle', { version: v.version })]);
  return (
    <>
      <section className="sal-card mt-4" aria-labelledby="versions-title">
        <h2 id="versions-title" className="h5">
          {t('programmes.versions', { code })}
        </h2>
        {versions.isError && <LoadFailed />}
        {published !== null && (
          <div className="alert alert-success" role="status">
            {t('programmes.published', { code, version: published })}
          </div>
        )}
        {list.length > 0 && (
          <div className="sal-table-scroll" tabIndex={0} role="region" aria-label={t('programmes.versionsLabel')}>
            <table className="table sal-table">
              <thead>
                <tr>
                  <th scope="col">{t('programmes.col.version')}</th>
                  <th scope="col">{t('programmes.col.title')}</th>
                </tr>
              </thead>
              <tbody>
                {[...list].reverse().map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td>{v.title}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="h6 mt-3">{t('programmes.compare')}</h3>
        {list.length === 1 && <p>{t('programmes.onlyOne')}</p>}
        {list.length > 1 && (
          <>
            <div className="sal-admin-pair">
              <Choice label={t('programmes.from')} value={String(from)} onChange={(v) => setPair({ from: Number(v), to })} options={options} />
              <Choice label={t('programmes.to')} value={String(to)} onChange={(v) => setPair({ from, to: Number(v) })} options={options} />
            </div>
            {before && after && <Differences before={before} after={after} />}
          </>
        )}
      </section>
      {latest && (
        <Publish
          key={`${code}:${latest.version}`}
          region={region}
          latest={latest}
          onPublished={(published, version) => {
            if (published !== code) return onCode(published);
            setPublished(version);
            setPair(null);
          }}
        />
      )}
    </>
  );
}

function Differences({ before, after }: { before: Catalogue; after: Catalogue }) {
  const t = useT();
  const rows = catalogueDifferences(definitionOf(before), definitionOf(after));
  if (rows.length === 0) return <p>{t('programmes.diff.none')}</p>;
  const show = (value: unknown) => (value === undefined ? <em>{t('programmes.diff.absent')}</em> : <code>{shownValue(value)}</code>);
  return (
    <div className="sal-table-scroll" tabIndex={0} role="region" aria-labelledby="diff-caption">
      <table className="table sal-table" data-testid="catalogue-diff">
        <caption id="diff-caption">{t('programmes.diff.caption', { from: before.version, to: after.version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.diff.field')}</th>
            <th scope="col">{t('programmes.diff.before')}</th>
            <th scope="col">{t('programmes.diff.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">
                <code>{row.field}</code>
              </th>
              <td className="sal-diff-before">{show(row.before)}</td>
              <td className="sal-diff-after">{show(row.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Publishing a version: the definition as JSON, started from the latest version; the API's field messages (by field
 * path, e.g. `clocks.stallAfter`) are listed under the editor, which is marked invalid, and the code's beside the code.
 */
function Publish({ region, latest, onPublished }: { region: string; latest: Catalogue | null; onPublished(code: string, version: number): void }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const initial = latest ? JSON.stringify(definitionOf(latest), null, 2) : '{\n  "title": "",\n  "clocks": {}\n}';
  const [text, setText] = useState(initial);
  const [codeErrors, setCodeErrors] = useState<Record<string, string[]>>({});
  const [problems, setProblems] = useState<[string, string[]][]>([]);
  const [refusal, setRefusal] = useState<ApiErrorDetail | null>(null);
  const [sending, setSending] = useState(false);

  async function publish(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setRefusal(null);
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (error) {
      const place = jsonErrorPlace(text, error);
      setProblems([['', [place ? t('programmes.badJsonAt', place) : t('programmes.badJson')]]]);
      return;
    }
    if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
      setProblems([['', [t('programmes.notObject')]]]);
      return;
    }
    setSending(true);
    try {
      const { data, error } = await api.PUT('/programmes/{code}', {
        params: { path: { code }, query: (region ? { region } : {}) as never },
        body: definition as components['schemas']['PublishCatalogueDto'],
      });
      if (error) {
        const fields = fieldMessages(error, t);
        const { code: forCode, ...rest } = fields;
        setCodeErrors(forCode ? { code: forCode } : {});
        setProblems(Object.entries(rest));
        if (Object.keys(fields).length === 0) setRefusal(apiErrorOf(error));
        return;
      }
      setCodeErrors({});
      setProblems([]);
      await Promise.all([queries.invalidateQueries({ queryKey: ['programmes'] }), queries.invalidateQueries({ queryKey: ['programme-versions', data.code, region] })]);
      onPublished(data.code, data.version);
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="sal-card mt-4" aria-labelledby="publish-title">
      <h2 id="publish-title" className="h5">
        {t('programmes.publish')}
      </h2>
      <p className="sal-help">{t('programmes.publishIntro')}</p>
      {problems.length > 0 && (
        <div className="alert alert-danger" role="alert">
          {t('form.invalid')}
        </div>
      )}
      {refusal !== null && <ApiErrorNotice error={refusal} />}
      <Form className="sal-form" validationErrors={codeErrors} validationBehavior="aria" onSubmit={(event) => void publish(event)}>
        <TextInput name="code" label={t('programmes.code')} help={t('programmes.codeHelp')} defaultValue={latest?.code ?? ''} isRequired autoComplete="off" />
        {/* `aria`: the API's messages mark the editor invalid without the browser blocking the next submit. */}
        <TextField value={text} onChange={setText} isInvalid={problems.length > 0} validationBehavior="aria" className="sal-field" name="definition">
          <Label className="sal-label">{t('programmes.definition')}</Label>
          <TextArea className="form-control sal-input sal-json" rows={18} spellCheck={false} />
          <Text slot="description" className="sal-help">
            {t('programmes.definitionHelp')}
          </Text>
          <FieldError className="sal-field-error" data-testid="definition-errors">
            <span>{t('programmes.problems')}</span>
            <ul className="mb-0">
              {problems.map(([field, messages]) => (
                <li key={field}>
                  {field && <code>{field}</code>}
                  {field && ': '}
                  {messages.join('; ')}
                </li>
              ))}
            </ul>
          </FieldError>
        </TextField>
        <div className="sal-buttons">
          <Button type="submit" className="btn btn-primary" isDisabled={sending}>
            {sending ? t('form.sending') : t('programmes.publishButton')}
          </Button>
          <Button
            className="btn btn-outline-primary"
            onPress={() => {
              setText(initial);
              setProblems([]);
            }}
          >
            {t('programmes.fromLatest')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

/**
 * Where JSON.parse stopped, as the line and column a person finds in the editor (1-based), read from the engine's
 * "at position N" (V8, whose words are English whatever the page's language); undefined when the message gives none.
 */
export function jsonErrorPlace(text: string, error: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
