import { useEffect } from 'react';
import type { MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';

/** Sets the browser tab's title from the catalogue: never from data (no personal data in titles or history). */
export function usePageTitle(key: MessageKey): void {
  const t = useT();
  useEffect(() => {
    document.title = `${t(key)} – ${t('app.name')}`;
  }, [key, t]);
}
