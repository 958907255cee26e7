// The autosaved draft of online filing (PUT /api/filing/:code/draft): saved 1.5 s after the last
// change, at once when the citizen leaves the page by a link, and through a keepalive request when
// the tab is closed or reloaded within those 1.5 s. An answer to an older change never overwrites
// the state of a newer one. Every save marks the cached start of filing stale (it holds the draft),
// without reading it again while the page, which holds the newer values, is on screen.
// Issue 15: every save names the draft version the page holds (`baseVersion`); a draft saved
// meanwhile in another tab answers DRAFT_VERSION_CONFLICT and a lapsed session 401 — then nothing
// more is sent (the change stays waiting) until the citizen chooses (`overwrite`) or signs in again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BodyOf } from '../../../common/api/contract';
import { saveDraft, startFiling } from '../../../common/api/dossiers';
import { ApiError, errorMessage, putOnUnload } from '../../api';
import { urlOf } from '../../data/client';
import { useApiMutation } from '../../data/hooks';
import { useMarkStale } from './citizen-dossier-reads';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saved'; at: string }
  | { kind: 'restored'; at: string }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'expired' };

type DraftBody = Omit<BodyOf<typeof saveDraft>, 'baseVersion'>;

/** The version a DRAFT_VERSION_CONFLICT names as the server's (null: the draft is gone). */
export function conflictVersion(err: unknown): number | null | undefined {
  if (!(err instanceof ApiError) || err.code !== 'DRAFT_VERSION_CONFLICT') return undefined;
  const v = err.details?.currentVersion;
  return typeof v === 'number' ? v : null;
}

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
  /** The server draft version this page's content is based on (null: none known). */
  const version = useRef<number | null>(null);
  /** Saving stopped: another tab's draft is newer, or the session lapsed. */
  const blocked = useRef<'conflict' | 'expired' | null>(null);
  /** The server's version named by the last conflict. */
  const theirs = useRef<number | null>(null);

  const saveNow = useCallback(async () => {
    if (done.current || blocked.current) return;
    pending.current = false;
    if (inflight.current) await inflight.current;
    if (blocked.current) {
      pending.current = true;
      return;
    }
    const mine = seq.current;
    const p = send({ params: { code }, body: { ...bodyOf.current(), baseVersion: version.current } })
      .then((r) => {
        version.current = r.version;
        if (seq.current === mine) setState({ kind: 'saved', at: r.savedAt });
      })
      .catch((err) => {
        const current = conflictVersion(err);
        if (current !== undefined || (err instanceof ApiError && err.status === 401)) {
          blocked.current = current !== undefined ? 'conflict' : 'expired';
          theirs.current = current ?? null;
          pending.current = true;
          setState(current !== undefined ? { kind: 'conflict', currentVersion: current } : { kind: 'expired' });
        } else if (seq.current === mine) setState({ kind: 'error', message: errorMessage(err) });
      })
      .finally(() => markStale(startFiling));
    inflight.current = p;
    await p;
    if (inflight.current === p) inflight.current = null;
  }, [code, send, markStale]);

  // Closing or reloading the tab within the 1.5 s before an autosave: send the draft anyway.
  useEffect(() => {
    const onHide = () => {
      if (!pending.current || done.current || blocked.current) return;
      window.clearTimeout(timer.current);
      if (putOnUnload(urlOf(saveDraft, { code }), { ...bodyOf.current(), baseVersion: version.current })) pending.current = false;
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
    if (blocked.current) return;
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
    /** The draft shown is the one saved at `at`, at `v`. */
    restored: useCallback((at: string, v: number) => {
      version.current = v;
      setState({ kind: 'restored', at });
    }, []),
    /** The content shown is based on the server draft version `v` (null: none). */
    basedOn: useCallback((v: number | null) => {
      version.current = v;
    }, []),
    version: useCallback(() => version.current, []),
    /** A submission met DRAFT_VERSION_CONFLICT: as a save would have. */
    conflicted: useCallback((current: number | null) => {
      blocked.current = 'conflict';
      theirs.current = current;
      setState({ kind: 'conflict', currentVersion: current });
    }, []),
    /** "Giữ nội dung của tôi": save over the newer draft, knowingly. */
    overwrite: useCallback(async () => {
      if (blocked.current !== 'conflict') return;
      version.current = theirs.current;
      blocked.current = null;
      setState({ kind: 'pending' });
      await saveNow();
    }, [saveNow]),
    /** Submitted: the draft is gone with it. */
    finish: useCallback(() => {
      done.current = true;
    }, []),
  };
}
