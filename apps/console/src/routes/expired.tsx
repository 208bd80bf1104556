import { Button } from 'react-aria-components';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

/** Shown in place of a page when a request found no valid token; drafts stay in sessionStorage meanwhile. */
export function ExpiredPage() {
  usePageTitle('expired.title');
  const t = useT();
  const { signIn } = useSession();
  return (
    <section className="sal-card sal-narrow" aria-labelledby="expired-title">
      <h1 id="expired-title">{t('expired.title')}</h1>
      <p>{t('expired.text')}</p>
      <Button className="btn btn-primary" onPress={() => void signIn()}>
        {t('expired.button')}
      </Button>
    </section>
  );
}
