// The autosaved draft of online filing (PUT /api/filing/:code/draft): saved 1.5 s after the last
// change, at once when the citizen leaves the page by a link, and through a keepalive request when
// the tab is closed or reloaded within those 1.5 s. An answer to an older change never overwrites
// the state of a newer one. Every save marks the cached start of filing stale (it holds the draft),
// without reading it again while the page, which holds the newer values, is on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BodyOf } from '../../../common/api/contract';
import { saveDraft, startFiling } from '../../../common/api/dossiers';
import { errorMessage, putOnUnload } from '../../api';
import { urlOf } from '../../data/client';
import { useApiMutation } from '../../data/hooks';
import { useMarkStale } from './citizen-dossier-reads';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'restored'; at: string } | { kind: 'error'; message: string };

type DraftBody = BodyOf<typeof saveDraft>;

export function useDraftAutosave(code: string, body: () => DraftBody) {
  const { mutateAsync: send } = useApiMutation(saveDraft);
  const markStale = useMarkStale();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const bodyOf = useRef(body);
  bodyOf.current = body;
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  /** Submitted: nothing is saved any more. */
  const done = useRef(false);
  /** A change not yet sent. */
  const pending = useRef(false);

  const saveNow = useCallback(async () => {
    pending.current = false;
    if (done.current) return;
    if (inflight.current) await inflight.current;
    const mine = seq.current;
    const p = send({ params: { code }, body: bodyOf.current() })
      .then((r) => {
        if (seq.current === mine) setState({ kind: 'saved', at: r.savedAt });
      })
      .catch((err) => {
        if (seq.current === mine) setState({ kind: 'error', message: errorMessage(err) });
      })
      .finally(() => markStale(startFiling));
    inflight.current = p;
    await p;
    if (inflight.current === p) inflight.current = null;
  }, [code, send, markStale]);

  // Closing or reloading the tab within the 1.5 s before an autosave: send the draft anyway.
  useEffect(() => {
    const onHide = () => {
      if (!pending.current || done.current) return;
      window.clearTimeout(timer.current);
      if (putOnUnload(urlOf(saveDraft, { code }), bodyOf.current())) pending.current = false;
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [code]);

  // Leaving the page (another link) with a change not yet saved: save it now.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (pending.current) void saveNow();
    },
    [saveNow],
  );

  /** Something changed: save the draft 1.5 s after the last change. */
  const changed = useCallback(() => {
    if (done.current) return;
    seq.current += 1;
    pending.current = true;
    // From now on the cached draft is older than the page.
    markStale(startFiling);
    setState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), 1500);
  }, [saveNow, markStale]);

  /** Before submitting: the waiting change is saved (so that a refused submission loses nothing). */
  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (pending.current) await saveNow();
    else if (inflight.current) await inflight.current;
  }, [saveNow]);

  return {
    state,
    changed,
    flush,
    /** The draft shown is the one saved at `at`. */
    restored: useCallback((at: string) => setState({ kind: 'restored', at }), []),
    /** Submitted: the draft is gone with it. */
    finish: useCallback(() => {
      done.current = true;
    }, []),
  };
}
