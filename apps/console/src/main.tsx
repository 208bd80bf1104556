import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles.css';
import { createSession, type ConsoleAuthConfig } from './auth';
import { ApiProvider } from './api/api-context';
import { CATALOGUES } from './i18n/catalogue';
import { I18nProvider } from './i18n/i18n';
import { router } from './router';
import { SessionProvider } from './session';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** Reads how to sign in (`GET /console/config`, public), makes the session, then renders the console. */
async function start(root: ReturnType<typeof createRoot>): Promise<void> {
  const response = await fetch('/console/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /console/config answered ${response.status}`);
  const config = (await response.json()) as ConsoleAuthConfig;
  const session = await createSession(config);
  root.render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider config={config} session={session}>
          <ApiProvider>
            <QueryClientProvider client={queryClient}>
              <RouterProvider router={router} />
            </QueryClientProvider>
          </ApiProvider>
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
start(root).catch((error: unknown) => {
  console.error(error);
  // Before the catalogue's provider exists: the language the user chose, Italian otherwise.
  const messages = CATALOGUES[localStorage.getItem('sal.console.language') === 'en' ? 'en' : 'it'];
  root.render(
    <main className="container sal-main">
      <div className="alert alert-danger" role="alert">
        {messages['app.failedToStart']}
      </div>
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {messages['app.retry']}
      </button>
    </main>,
  );
});
