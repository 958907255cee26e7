// The agency tree's state, loaded level by level: each open level is a TanStack query of its
// children (listAgencyChildren), so a change that invalidates that endpoint reloads every level
// already open. Also which nodes are open and selected, and revealing a unit (opening the tree
// down to it, selecting it and scrolling it into view).
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listAgencyChildren, type getAgency } from '../../../common/api/agencies';
import type { Reply } from '../../../common/api/contract';
import { callApi } from '../../data/client';
import { apiKey } from '../../data/hooks';

/** The key of the tops of the tree (the units without a parent in the administrator's scope). */
export const ROOT = '__root__';

type Children = Reply<typeof listAgencyChildren>;
type AgencyNode = Children['items'][number];
type Ref = Reply<typeof getAgency>['path'][number];
type TreeHandle = { scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void };

/** The query of a level: the same key as useApiQuery(listAgencyChildren, input) would use. */
function childrenQuery(parent: string, includeInactive: boolean) {
  const input = { query: { parentId: parent === ROOT ? undefined : parent, includeInactive: includeInactive || undefined } };
  return {
    queryKey: apiKey(listAgencyChildren, input),
    queryFn: ({ signal }: { signal: AbortSignal }) => callApi(listAgencyChildren, input, signal),
  };
}

export function useAgencyTree() {
  const client = useQueryClient();
  const [includeInactive, setIncludeInactive] = useState(false);
  /** The levels asked for, in the order they were opened. */
  const [loaded, setLoaded] = useState<string[]>([ROOT]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [scrollTo, setScrollTo] = useState<string | null>(null);
  const treeRef = useRef<TreeHandle | null>(null);

  const combine = useCallback(
    (results: UseQueryResult<Children>[]) => {
      const nodes: Record<string, AgencyNode> = {};
      const children: Record<string, string[]> = {};
      let error: Error | null = null;
      results.forEach((r, i) => {
        if (r.data) {
          children[loaded[i]!] = r.data.items.map((n) => n.id);
          for (const n of r.data.items) nodes[n.id] = n;
        }
        error ??= r.error;
      });
      return { nodes, children, error };
    },
    [loaded],
  );
  const { nodes, children, error } = useQueries({ queries: loaded.map((p) => childrenQuery(p, includeInactive)), combine });

  /** Loads a level once (a failure shows as the level's query error). */
  const load = useCallback(
    async (parent: string) => {
      if (loaded.includes(parent)) return;
      await client.fetchQuery(childrenQuery(parent, includeInactive)).catch(() => undefined);
      setLoaded((prev) => (prev.includes(parent) ? prev : [...prev, parent]));
    },
    [client, includeInactive, loaded],
  );

  /** Shows or hides inactive units: the tree starts again from its tops. */
  const showInactive = (on: boolean) => {
    setIncludeInactive(on);
    setLoaded([ROOT]);
    setExpanded([]);
  };

  /** Opens the tree down to a unit and selects it (a search hit, or a unit just changed). */
  const reveal = useCallback(
    async (id: string, path: Ref[]) => {
      for (const p of path) await load(p.id);
      setExpanded((prev) => [...new Set([...prev, ...path.map((p) => p.id)])]);
      setSelected(id);
      setScrollTo(id);
    },
    [load],
  );

  // Scrolls the tree to a revealed unit once it is rendered.
  useEffect(() => {
    if (!scrollTo || !nodes[scrollTo]) return;
    const frame = requestAnimationFrame(() => {
      treeRef.current?.scrollTo({ key: scrollTo, align: 'top' });
      setScrollTo(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [scrollTo, nodes, expanded]);

  return { includeInactive, showInactive, nodes, children, error, expanded, setExpanded, selected, setSelected, load, reveal, treeRef };
}

export type AgencyTreeState = ReturnType<typeof useAgencyTree>;
