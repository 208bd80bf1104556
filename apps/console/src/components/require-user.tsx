import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

/** Shows its content to a signed-in user; anyone else is sent to sign in, coming back here afterwards. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user, signIn } = useSession();
  const t = useT();
  useEffect(() => {
    if (!user) void signIn();
  }, [user, signIn]);
  if (!user) return <p role="status">{t('app.loading')}</p>;
  return <>{children}</>;
}
