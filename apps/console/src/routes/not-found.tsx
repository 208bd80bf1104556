import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';

export function NotFoundPage() {
  usePageTitle('notFound.title');
  const t = useT();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
