// Issue 15, nothing typed is lost: the filing page's guard against a session that lapses while the
// citizen types and against a second tab on the same draft. It keeps the browser copy
// (use-local-draft.ts) of every change, puts it back when the page starts again after "Đăng nhập
// lại", drops it once the server holds the same content, and shows the notices (DraftNotices.tsx).
import { useEffect, useState, type ReactNode } from 'react';
import { startFiling } from '../../../common/api/dossiers';
import { DraftConflict, LocalRestoredNotice, SessionLapseNotice } from './DraftNotices';
import { useMarkStale } from './citizen-dossier-reads';
import { useLocalDraft, type LocalCopy } from './use-local-draft';
import type { useDraftAutosave } from './useDraftAutosave';

type Draft = ReturnType<typeof useDraftAutosave>;
type Content = Omit<LocalCopy, 'at' | 'baseVersion'>;

export function useDraftSafety(opts: {
  account: string;
  code: string;
  /** The session ended while the page was open. */
  lapsed: boolean;
  draft: Draft;
  /** What the page holds now. */
  snapshot: () => Content;
  /** Builds the page again from the server (a fresh start of filing). */
  reload: () => void;
}) {
  const { draft } = opts;
  const local = useLocalDraft(opts.account, opts.code);
  const markStale = useMarkStale();
  const [restored, setRestored] = useState(false);
  const [overwriting, setOverwriting] = useState(false);

  // The server has everything up to the latest change: the browser copy is not needed any more.
  const saved = draft.state.kind === 'saved';
  useEffect(() => {
    if (saved) local.clear();
  }, [saved, local]);

  const notices: ReactNode = (
    <>
      {(opts.lapsed || draft.state.kind === 'expired') && <SessionLapseNotice code={opts.code} />}
      {!opts.lapsed && draft.state.kind === 'conflict' && (
        <DraftConflict
          busy={overwriting}
          onReload={() => {
            local.clear();
            markStale(startFiling);
            opts.reload();
          }}
          onKeepMine={() => {
            setOverwriting(true);
            void draft.overwrite().finally(() => setOverwriting(false));
          }}
        />
      )}
      {restored && <LocalRestoredNotice onClose={() => setRestored(false)} />}
    </>
  );

  return {
    notices,
    /** Every change: kept in the browser too, with the version it was typed over. */
    changed: () => local.write({ ...opts.snapshot(), baseVersion: draft.version() }),
    /**
     * The page has put the server's draft (version `serverVersion`) on screen; a browser copy left
     * by a lapsed session goes over it (`apply`) and is saved — with the version it was typed over,
     * so that a draft changed meanwhile in another tab is a conflict, not overwritten.
     */
    started: (serverVersion: number | null, apply: (copy: LocalCopy) => void) => {
      const copy = local.read();
      if (!copy) return draft.basedOn(serverVersion);
      apply(copy);
      draft.basedOn(copy.baseVersion);
      setRestored(true);
      draft.changed();
    },
    /** The draft as the submission uses it: a submitted dossier leaves no browser copy. */
    draft: {
      ...draft,
      finish: () => {
        draft.finish();
        local.clear();
      },
    },
  };
}
