// Loads data for a page from the API and reports loading, the answer, or the ApiError.
import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api/client.ts';
import { useSession } from './session.tsx';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiError }
  | { state: 'ready'; data: T };

export function useApi<T>(load: (api: ApiClient) => Promise<T>, deps: readonly unknown[]): Loadable<T> {
  const { api } = useSession();
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load(api).then(
      (data) => { if (live) setResult({ state: 'ready', data }); },
      (err: unknown) => {
        if (!live) return;
        const error = err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: 'Error', status: 0, detail: String(err) });
        setResult({ state: 'error', error });
      },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, ...deps]);
  return result;
}
