/**
 * Named filters a user saved on a list, kept in this browser under a key of the list and the user (`sal.console.<list>.
 * saved.<sub>`): only the filters' values (stage, programme, office, flags, sort), never a searched fiscal code or name,
 * which are not filters. A damaged entry reads as none.
 */
export interface SavedFilter<F> {
  name: string;
  filters: F;
}

function storageKey(list: string, sub: string): string {
  return `sal.console.${list}.saved.${sub}`;
}

export function readSavedFilters<F>(list: string, sub: string): SavedFilter<F>[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(list, sub)) ?? '[]');
    return Array.isArray(stored) ? (stored as SavedFilter<F>[]).filter((s) => typeof s?.name === 'string' && typeof s.filters === 'object') : [];
  } catch {
    return [];
  }
}

/** Saves `filters` under `name` (replacing a filter of the same name), and answers the new list. */
export function saveFilter<F>(list: string, sub: string, name: string, filters: F): SavedFilter<F>[] {
  const next = [...readSavedFilters<F>(list, sub).filter((s) => s.name !== name), { name, filters }].sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(storageKey(list, sub), JSON.stringify(next));
  return next;
}

export function deleteSavedFilter<F>(list: string, sub: string, name: string): SavedFilter<F>[] {
  const next = readSavedFilters<F>(list, sub).filter((s) => s.name !== name);
  localStorage.setItem(storageKey(list, sub), JSON.stringify(next));
  return next;
}
