import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

/** `/console/auth/callback`: the identity provider sends the browser back here; the session completes the sign-in. */
export function CallbackPage() {
  usePageTitle('signIn.title');
  const t = useT();
  const { session } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    // Once only: the authorization code can be exchanged a single time (React runs effects twice in development).
    if (started.current) return;
    started.current = true;
    session
      .completeSignIn(window.location.href)
      .then((path) => navigate({ to: path.slice(import.meta.env.BASE_URL.length - 1) || '/', replace: true }))
      .catch(() => setFailed(true));
  }, [session, navigate]);
  return failed ? (
    <div className="alert alert-danger" role="alert">
      {t('signIn.callbackFailed')}
    </div>
  ) : (
    <p role="status">{t('signIn.completing')}</p>
  );
}
