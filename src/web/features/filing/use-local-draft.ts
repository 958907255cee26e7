// Issue 15: what the citizen typed survives a session that expires while they fill the form. Every
// change is also kept in the browser, keyed by the account and the procedure; after "Đăng nhập lại"
// the page puts it back over the server's draft ("Đã khôi phục nội dung bạn đã nhập") and saves it.
//
// Personal data on a shared computer (Decree 13), the choice made: sessionStorage, not
// localStorage — the copy belongs to this tab and is gone when the tab or the browser is closed; it
// is removed as soon as the server holds the same content (a save answered for the latest change),
// on a successful submission, on "Tải lại bản mới nhất" and on sign-out (every procedure's copy);
// a copy of another account is never restored (and is removed when this one is read), and a copy
// older than a day is ignored and removed. So it only ever holds what the server has not got yet,
// for as long as the tab that typed it stays open.
import { useMemo } from 'react';
import type { FormValues } from '../../../common/eform';
import type { Paper } from '../../components/dossier/dossier-types';
import type { AgencyValue } from './AgencySelect';

const PREFIX = 'dvc.nop-ho-so.';
const MAX_AGE_MS = 24 * 3600_000;

export interface LocalCopy {
  /** When it was written (ISO). */
  at: string;
  /** The server draft version this content was typed over (null: none known). */
  baseVersion: number | null;
  agency: AgencyValue | null;
  formData: FormValues;
  papers: Paper[];
}

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const keyOf = (account: string, code: string) => `${PREFIX}${account}.${code}`;

function keys(s: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(PREFIX)) out.push(k);
  }
  return out;
}

/** Signed out: no filing copy of anyone stays in this browser. */
export function forgetLocalDrafts(): void {
  const s = store();
  if (s) for (const k of keys(s)) s.removeItem(k);
}

export function useLocalDraft(account: string, code: string) {
  return useMemo(() => {
    const key = keyOf(account, code);
    return {
      write(copy: Omit<LocalCopy, 'at'>) {
        try {
          store()?.setItem(key, JSON.stringify({ ...copy, at: new Date().toISOString() } satisfies LocalCopy));
        } catch {
          // Storage full or refused: the server draft is still saved as usual.
        }
      },
      /** The copy of this account and procedure, if any; other accounts' copies are removed. */
      read(): LocalCopy | null {
        const s = store();
        if (!s) return null;
        for (const k of keys(s)) if (!k.startsWith(`${PREFIX}${account}.`)) s.removeItem(k);
        try {
          const raw = s.getItem(key);
          const c = raw ? (JSON.parse(raw) as LocalCopy) : null;
          if (!c || typeof c.formData !== 'object' || !Array.isArray(c.papers) || Date.now() - Date.parse(c.at) > MAX_AGE_MS) {
            s.removeItem(key);
            return null;
          }
          return c;
        } catch {
          s.removeItem(key);
          return null;
        }
      },
      clear() {
        store()?.removeItem(key);
      },
    };
  }, [account, code]);
}
