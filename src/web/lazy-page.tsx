// Route-level code splitting (issue 15): a page module is fetched the first time its route opens.
import { Spin } from 'antd';
import { lazy, type ComponentType } from 'react';

/** A page exported by name from its module, loaded on first render. */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** What shows while a page's code arrives (a slow line): a labelled spinner, announced politely. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin aria-label="Đang tải trang" />
    </div>
  );
}
