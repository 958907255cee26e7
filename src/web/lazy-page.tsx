// Route-level code splitting (issue 15): a page module is fetched the first time its route opens.
import { lazy, type ComponentType, type ReactElement } from 'react';

const PRELOAD = Symbol('preload');

/** A page exported by name from its module, loaded on first render (or before: preloadMatched). */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  const page = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(page, { [PRELOAD]: load });
}

/**
 * Requests at once the chunks of every lazy element on a matched route: a page under a lazy
 * layout would otherwise be requested only once the layout's chunk had arrived and rendered, one
 * more round trip (half a second on 3G). A module imported twice is fetched once.
 */
export function preloadMatched(matches: { route: { element?: unknown } }[] | null): void {
  for (const m of matches ?? []) {
    const type = (m.route.element as ReactElement | undefined)?.type as { [PRELOAD]?: () => Promise<unknown> } | undefined;
    void type?.[PRELOAD]?.().catch(() => undefined);
  }
}

/** What shows while a page's code arrives (a slow line): a labelled spinner, announced politely; no antd, which may be what is arriving. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <span className="lite-spinner lite-spinner-large" role="img" aria-label="Đang tải trang" />
    </div>
  );
}
