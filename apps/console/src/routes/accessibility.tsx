import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';

export function AccessibilityPage() {
  usePageTitle('a11y.title');
  const t = useT();
  return (
    <section className="sal-narrow">
      <h1>{t('a11y.title')}</h1>
      <p>{t('a11y.text')}</p>
      <p>{t('a11y.feedback')}</p>
    </section>
  );
}
