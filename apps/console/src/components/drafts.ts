import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'sal.console.draft.';

/**
 * A form's values kept in sessionStorage under `key` while the user types: a reload, a session that expired and was
 * renewed, or a timeout loses nothing. `clear()` after the command is applied. Only this tab sees them (gone when it
 * closes), never the URL or localStorage.
 */
export function useDraft<T>(key: string, initial: () => T): [T, (update: T | ((current: T) => T)) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    const raw = sessionStorage.getItem(storageKey);
    if (raw) {
      try {
        return { ...initial(), ...(JSON.parse(raw) as T) };
      } catch {
        // A draft of an earlier shape: start again.
      }
    }
    return initial();
  });
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  // The latest `initial` (a new function each render), without making `clear` change with it.
  const initialRef = useRef(initial);
  initialRef.current = initial;
  const clear = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setValue(initialRef.current());
  }, [storageKey]);
  return [value, setValue, clear];
}
