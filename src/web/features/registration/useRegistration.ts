// The registration under way in this browser tab. Each write answers the registration at its next
// step, which the page shows at once; after a reload it is read again by the id kept for the tab
// (a registration that can no longer be read starts over). A completed one is not kept.
import { useEffect, useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { getRegistration } from '../../../common/api/registration';
import { useApiQuery } from '../../data/hooks';

export type Registration = Reply<typeof getRegistration>;

const STORE = 'dvc.registration';

export function useRegistration() {
  const [storedId, setStoredId] = useState(() => sessionStorage.getItem(STORE));
  /** The answer of this page's latest write (null: none yet, or started over). */
  const [latest, setLatest] = useState<Registration | null>(null);
  const resumed = useApiQuery(getRegistration, { params: { id: storedId ?? '' } }, { enabled: storedId !== null && latest === null });

  const failed = resumed.isError && latest === null;
  useEffect(() => {
    if (!failed) return;
    sessionStorage.removeItem(STORE);
    setStoredId(null);
  }, [failed]);

  const update = (r: Registration | null) => {
    const keep = r && r.status !== 'completed' ? r.id : null;
    if (keep) sessionStorage.setItem(STORE, keep);
    else sessionStorage.removeItem(STORE);
    setStoredId(keep);
    setLatest(r);
  };
  const reg = latest ?? (storedId !== null && !failed ? (resumed.data ?? null) : null);
  return {
    reg,
    /** Read again after a reload, not yet answered. */
    loading: latest === null && storedId !== null && !failed && resumed.isPending,
    /** The code was sent by this page just now (not known only from a reload). */
    fresh: latest !== null,
    update,
  };
}
