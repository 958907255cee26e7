// GET a URL whenever it changes, cancelling the previous request: what every list page does.
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api';

export function useApiGet<T>(url: string): { data: T | null; error: string | null; loading: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    api
      .get<T>(url, undefined, ctl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') setError(errorMessage(e));
      })
      .finally(() => setLoading(false));
    return () => ctl.abort();
  }, [url]);
  return { data, error, loading };
}
