import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../components/page-title';
import type { MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

export function HomePage() {
  usePageTitle('home.title');
  const t = useT();
  const { user } = useSession();
  if (!user) return null;
  const offices = user.offices.includes('*') || user.offices.length === 0 ? t('home.allOffices') : user.offices.join(', ');
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.greeting', { role: user.roles.map((role) => t(`role.${role}` as MessageKey)).join(', ') })}</p>
      <p>{t('home.offices', { offices })}</p>
      <h2 className="h4 mt-4">{t('home.next')}</h2>
      <div className="sal-tiles">
        <div className="sal-card sal-tile">
          <h3 className="h5">
            <Link to="/cases">{t('home.myCases')}</Link>
          </h3>
          <p>{t('home.myCasesText')}</p>
        </div>
        <div className="sal-card sal-tile">
          <h3 className="h5">
            <Link to="/journeys/new">{t('home.newJourney')}</Link>
          </h3>
          <p>{t('home.newJourneyText')}</p>
        </div>
      </div>
    </>
  );
}
