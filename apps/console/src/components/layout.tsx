import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { LANGUAGES } from '../i18n/catalogue';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { ExpiredPage } from '../routes/expired';
import { RequireUser } from './require-user';
import { mayImport } from '../routes/imports';
// supervisors
import { isSupervisor } from '../routes/supervisor/scope';

/** Paths anyone may open without signing in. */
const PUBLIC_PATHS = ['/sign-in', '/auth/callback', '/accessibility'];

/** Every page: skip link, development banner, header (language, user), main content, footer. */
export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { config, user, session, expired } = useSession();
  const path = useRouterState({ select: (state) => state.location.pathname });
  const isPublic = PUBLIC_PATHS.some((p) => path === p || path.endsWith(p));
  return (
    <>
      <a className="visually-hidden-focusable sal-skip" href="#main">
        {t('app.skipToContent')}
      </a>
      {config.mode === 'development' && (
        <div className="sal-dev-banner" role="note" data-testid="dev-banner">
          {t('dev.banner')}
        </div>
      )}
      <header className="sal-header">
        <div className="sal-header-slim">
          <div className="container sal-header-slim-inner">
            <span>{t('app.region')}</span>
            <div className="sal-lang" role="group" aria-label={t('lang.label')}>
              {LANGUAGES.map((lang) => (
                <Button key={lang} className="sal-lang-button" aria-pressed={language === lang} onPress={() => setLanguage(lang)} lang={lang}>
                  {t(`lang.${lang}`)}
                </Button>
              ))}
            </div>
          </div>
        </div>
        <div className="sal-header-center">
          <div className="container sal-header-center-inner">
            <Link to="/" className="sal-brand">
              <span className="sal-brand-name">{t('app.name')}</span>
              <span className="sal-brand-subtitle">{t('app.subtitle')}</span>
            </Link>
            {user && (
              <div className="sal-user" aria-label={t('user.menu')} role="group">
                <span className="sal-user-name">{t('user.signedInAs', { sub: user.name ?? user.sub })}</span>
                <Button className="btn btn-outline-light btn-sm" onPress={() => void session.signOut()}>
                  {t('signOut.button')}
                </Button>
              </div>
            )}
          </div>
        </div>
        {user && (
          <nav className="sal-nav" aria-label={t('nav.label')}>
            <div className="container">
              <Link to="/" className="sal-nav-link" activeOptions={{ exact: true }}>
                {t('nav.home')}
              </Link>
              <Link to="/cases" className="sal-nav-link">
                {t('nav.cases')}
              </Link>
              <Link to="/journeys/new" className="sal-nav-link">
                {t('nav.newJourney')}
              </Link>
              {mayImport(user) && (
                <Link to="/imports" className="sal-nav-link">
                  {t('nav.imports')}
                </Link>
              )}
              {/* supervisors */}
              {isSupervisor(user) && (
                <Link to="/supervisor" className="sal-nav-link">
                  {t('nav.supervisor')}
                </Link>
              )}
              {/* administrators */}
              {user.roles.includes('administrator') && (
                <>
                  <Link to="/admin/programmes" className="sal-nav-link">
                    {t('nav.admin.programmes')}
                  </Link>
                  <Link to="/admin/staff" className="sal-nav-link">
                    {t('nav.admin.staff')}
                  </Link>
                  <Link to="/admin/audit" className="sal-nav-link">
                    {t('nav.admin.audit')}
                  </Link>
                  <Link to="/admin/notifications" className="sal-nav-link">
                    {t('nav.admin.notifications')}
                  </Link>
                </>
              )}
            </div>
          </nav>
        )}
      </header>
      <main id="main" className="container sal-main" tabIndex={-1}>
        {expired ? <ExpiredPage /> : isPublic ? <Outlet /> : <RequireUser><Outlet /></RequireUser>}
      </main>
      <footer className="sal-footer">
        <div className="container sal-footer-inner">
          <span>{t('footer.text')}</span>
          <Link to="/accessibility" className="sal-footer-link">
            {t('nav.accessibility')}
          </Link>
        </div>
      </footer>
    </>
  );
}
