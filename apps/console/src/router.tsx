import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { Layout } from './components/layout';
import { AccessibilityPage } from './routes/accessibility';
import { CasesPage } from './routes/cases';
import { JourneyPage } from './routes/journey';
import { StartJourneyPage } from './routes/start-journey';
import { ImportsPage } from './routes/imports';
import { CallbackPage } from './routes/callback';
import { HomePage } from './routes/home';
import { NotFoundPage } from './routes/not-found';
import { SignInPage } from './routes/sign-in';
// supervisors
import { SupervisorDashboardPage } from './routes/supervisor/dashboard';
import { KpisPage } from './routes/supervisor/kpis';
import { AgendaPage, OverdueActionsPage, StalledCasesPage, StepsPage } from './routes/supervisor/lists';
import { validateScreenSearch } from './routes/supervisor/scope';
// administrators
import { AuditAdminPage } from './routes/admin/audit';
import { NotificationsAdminPage } from './routes/admin/notifications';
import { ProgrammesAdminPage } from './routes/admin/programmes';
import { StaffAdminPage } from './routes/admin/staff';

/**
 * The console's pages, under `/console/` (the API serves index.html for every path there). Paths carry no personal
 * data: a journey id at most.
 */
const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomePage });
const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });
const callbackRoute = createRoute({ getParentRoute: () => rootRoute, path: '/auth/callback', component: CallbackPage });
const accessibilityRoute = createRoute({ getParentRoute: () => rootRoute, path: '/accessibility', component: AccessibilityPage });

const casesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/cases', component: CasesPage });
const startJourneyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/journeys/new', component: StartJourneyPage });
// bulk intake: the batch id stays in the page's state, never in the URL
const importsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/imports', component: ImportsPage });
const journeyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/journeys/$journeyId', component: JourneyPage });

// supervisors: the dashboard, the lists and the KPIs; filters in the search (office ids and filter values, never personal data)
const supervisorRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor', component: SupervisorDashboardPage, validateSearch: validateScreenSearch });
const stalledRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor/stalled', component: StalledCasesPage, validateSearch: validateScreenSearch });
const overdueRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor/overdue', component: OverdueActionsPage, validateSearch: validateScreenSearch });
const agendaRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor/agenda', component: AgendaPage, validateSearch: validateScreenSearch });
const stepsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor/steps', component: StepsPage, validateSearch: validateScreenSearch });
const kpisRoute = createRoute({ getParentRoute: () => rootRoute, path: '/supervisor/kpis', component: KpisPage, validateSearch: validateScreenSearch });

// administrators
const adminProgrammesRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/programmes', component: ProgrammesAdminPage });
const adminStaffRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/staff', component: StaffAdminPage });
const adminAuditRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/audit', component: AuditAdminPage });
const adminNotificationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/notifications', component: NotificationsAdminPage });
const adminRoutes = [adminProgrammesRoute, adminStaffRoute, adminAuditRoute, adminNotificationsRoute];

const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  callbackRoute,
  accessibilityRoute,
  casesRoute,
  startJourneyRoute,
  journeyRoute,
  importsRoute,
  // supervisors
  supervisorRoute,
  stalledRoute,
  overdueRoute,
  agendaRoute,
  stepsRoute,
  kpisRoute,
  // administrators
  ...adminRoutes,
]);

export const router = createRouter({ routeTree, basepath: import.meta.env.BASE_URL.replace(/\/$/, '') });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
