// Issue 15: the session ends (idle timeout, signed out elsewhere) while the citizen fills the form.
// Instead of leaving for the login page at once — and with it what was typed — the page stays, says
// so, and offers "Đăng nhập lại" (SessionLapseNotice). This hook keeps the account the form was
// opened by for as long as the session has only lapsed; a sign-out on this page forgets it.
import { useRef } from 'react';
import type { Me } from '../../api';

export function useHeldAccount(me: Me | null, expired: boolean): { account: string | null; lapsed: boolean } {
  const held = useRef<string | null>(null);
  if (me?.audience === 'citizen') held.current = me.id;
  else if (!me && !expired) held.current = null;
  return { account: held.current, lapsed: !me && held.current !== null };
}
