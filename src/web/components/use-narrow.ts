// Whether the window is phone-narrow (below 768 px, where the portal folds its menu): for the few
// places that show something else on a phone (a table becomes a list of cards). Read from
// matchMedia during render, so the first paint is already the right one.
import { useSyncExternalStore } from 'react';

const NARROW = '(max-width: 767.98px)';

function subscribe(onChange: () => void) {
  const m = window.matchMedia(NARROW);
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);
}
