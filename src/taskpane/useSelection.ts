/**
 * Follows the host's selection: reads the selected cell on mount, on every selection change and
 * on refresh(), and runs `load` on it. A late answer for an older selection is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SelectedCell, WorkbookGateway } from './gateway';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'failed'; readonly message: string };

export function useSelection<T>(gateway: WorkbookGateway, load: (cell: SelectedCell | null) => Promise<T>): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const request = useRef(0);
  const refresh = useCallback(() => {
    const id = ++request.current;
    gateway
      .getSelectedCell()
      .then(load)
      .then(
        (value) => id === request.current && setResult({ state: 'ready', value }),
        (e: unknown) => id === request.current && setResult({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
  }, [gateway, load]);
  useEffect(() => {
    refresh();
    const unsubscribe = gateway.onSelectionChanged(refresh);
    return () => {
      request.current++;
      unsubscribe();
    };
  }, [gateway, refresh]);
  return [result, refresh];
}
