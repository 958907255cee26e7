// oidc-provider storage for the simulator: in memory, per simulator instance, lost on restart
// (a sign-in in progress simply starts again). Written out so that the choice is explicit rather
// than oidc-provider's start-up warning about its own quick-start adapter.
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

export function memoryAdapter(): AdapterFactory {
  const store = new Map<string, Entry>();
  const byUid = new Map<string, string>();
  const byGrant = new Map<string, Set<string>>();

  function live(key: string): AdapterPayload | undefined {
    const e = store.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return e.payload;
  }

  // A long-running dev server: drop what has expired now and then.
  function sweep(): void {
    for (const k of [...store.keys()]) live(k);
    for (const [uid, id] of byUid) if (!store.has(`Session:${id}`)) byUid.delete(uid);
    for (const [grantId, members] of byGrant) {
      for (const k of members) if (!store.has(k)) members.delete(k);
      if (members.size === 0) byGrant.delete(grantId);
    }
  }

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (store.size > 5000) sweep();
        const k = key(id);
        store.set(k, { payload, expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity });
        if (model === 'Session' && payload.uid) byUid.set(payload.uid, id);
        if (payload.grantId) {
          let members = byGrant.get(payload.grantId);
          if (!members) byGrant.set(payload.grantId, (members = new Set()));
          members.add(k);
        }
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        const id = byUid.get(uid);
        return id ? live(key(id)) : undefined;
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const p = live(key(id));
        if (p) p.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        const p = live(key(id));
        store.delete(key(id));
        if (p?.uid && byUid.get(p.uid) === id) byUid.delete(p.uid);
      },
      async revokeByGrantId(grantId) {
        for (const k of byGrant.get(grantId) ?? []) store.delete(k);
        byGrant.delete(grantId);
      },
    };
  };
}
