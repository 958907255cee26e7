// The start of online filing (GET /api/filing/:code): the procedure, the values prefilled from the
// population database with their sources, and the saved draft. The page is built on it once: a
// cached answer only when nothing changed the draft since (each save marks it stale), otherwise
// the fresh one, so a restored draft is never an older one.
import { useEffect, useRef, useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { startFiling } from '../../../common/api/dossiers';
import type { FormValues, ProvenanceMap } from '../../../common/eform';
import { useApiQuery } from '../../data/hooks';

export type FilingStart = Reply<typeof startFiling>;

/** Prefilled values, then what the citizen typed, but verified values always from their source. */
export function initialValues(prefill: { values: FormValues; provenance: ProvenanceMap }, typed: FormValues | null | undefined): FormValues {
  const values = { ...prefill.values, ...(typed ?? {}) };
  for (const [name, p] of Object.entries(prefill.provenance)) if (p.locked && prefill.values[name] !== undefined) values[name] = prefill.values[name]!;
  return values;
}

/** `onStart` puts the answer into the page's forms, once, before the page is shown. */
export function useFilingStart(code: string, onStart: (d: FilingStart) => void) {
  const { data, error, isFetching } = useApiQuery(startFiling, { params: { code } });
  const [started, setStarted] = useState<FilingStart | null>(null);
  const startWith = useRef(onStart);
  startWith.current = onStart;
  const settled = data && !isFetching && !error ? data : null;
  useEffect(() => {
    if (!settled || started) return;
    startWith.current(settled);
    setStarted(settled);
  }, [settled, started]);
  return { data: started, error: started ? null : error };
}
