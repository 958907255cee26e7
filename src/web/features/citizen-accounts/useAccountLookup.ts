// "Tra cứu": is there already an account with this CMND/CCCD? Asked by the officer, always afresh
// (an account may have been created a moment ago). A draft's own number is known to be free.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lookupAccount } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids';
import { apiKey, useApiQuery } from '../../data/hooks';
import { errorText } from './errorText';

type Lookup = Pick<Reply<typeof lookupAccount>, 'idNumber' | 'exists'>;

type Asked = { kind: 'known'; idNumber: string } | { kind: 'asked'; idNumber: string } | { kind: 'invalid'; message: string } | null;

export function useAccountLookup(known: string | null) {
  const client = useQueryClient();
  const [asked, setAsked] = useState<Asked>(known ? { kind: 'known', idNumber: known } : null);
  const idNumber = asked?.kind === 'asked' ? asked.idNumber : '';
  const query = useApiQuery(lookupAccount, { query: { idNumber } }, { enabled: !!idNumber });

  const ask = (raw: string) => {
    const shape = checkIdNumberShape(raw);
    if (!shape.ok) {
      setAsked({ kind: 'invalid', message: shape.message! });
      return;
    }
    const id = normalizeIdNumber(raw);
    if (asked?.kind === 'asked' && asked.idNumber === id) {
      void query.refetch();
      return;
    }
    // An answer kept from an earlier look-up of this number is read again.
    void client.invalidateQueries({ queryKey: apiKey(lookupAccount, { query: { idNumber: id } }), refetchType: 'none' });
    setAsked({ kind: 'asked', idNumber: id });
  };

  let lookup: Lookup | null = null;
  let error: string | null = null;
  if (asked?.kind === 'known') lookup = { idNumber: asked.idNumber, exists: false };
  else if (asked?.kind === 'invalid') error = asked.message;
  else if (asked?.kind === 'asked') {
    if (query.error) error = errorText(query.error);
    else lookup = query.data ?? null;
  }
  return { lookup, error, ask };
}
