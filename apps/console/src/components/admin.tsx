import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { it as ITALIAN, type MessageKey } from '../i18n/catalogue';
import { useT } from '../i18n/i18n';
import { useSession } from '../session';

/** The administrators' screens: shown to an administrator; anyone else is told the page is not theirs (the API refuses them too). */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  const t = useT();
  const { user } = useSession();
  if (!user?.roles.includes('administrator'))
    return (
      <div className="alert alert-warning" role="alert">
        {t('admin.forbidden')}
      </div>
    );
  return <>{children}</>;
}

/** Previous / next page of a list the API pages (`page` from 1). */
export function Paging({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('admin.paging')} className="sal-paging">
      <Button className="btn btn-outline-primary btn-sm" isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
        {t('admin.previous')}
      </Button>
      <span>{t('admin.page', { page, pages })}</span>
      <Button className="btn btn-outline-primary btn-sm" isDisabled={page >= pages} onPress={() => onPage(page + 1)}>
        {t('admin.next')}
      </Button>
    </nav>
  );
}

/** A list that could not be loaded. */
export function LoadFailed() {
  const t = useT();
  return (
    <div className="alert alert-warning" role="alert">
      {t('admin.loadFailed')}
    </div>
  );
}

/** The catalogue's text for `prefix.value` when it has one, else the value as the API gave it (a role or outcome added later). */
export function useLabel(): (prefix: string, value: string) => string {
  const t = useT();
  return (prefix, value) => {
    const key = `${prefix}.${value}`;
    return key in ITALIAN ? t(key as MessageKey) : value;
  };
}
