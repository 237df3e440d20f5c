// Test-only: the few Reflect metadata functions tsyringe (a dependency of @peculiar/x509) calls at import.
// @peculiar/x509 asks for a polyfill such as reflect-metadata, which is not installed; these four are all it uses.
// @see https://github.com/PeculiarVentures/x509#%EF%B8%8F-reflect-polyfill-required
const store = new WeakMap();

function own(target, key, create) {
  let map = store.get(target);
  if (!map && create) store.set(target, (map = new Map()));
  if (!map) return undefined;
  let byKey = map.get(key);
  if (!byKey && create) map.set(key, (byKey = new Map()));
  return byKey;
}

if (typeof Reflect.getMetadata !== 'function') {
  Object.assign(Reflect, {
    defineMetadata: (name, value, target, key) => own(target, key, true).set(name, value),
    getOwnMetadata: (name, target, key) => own(target, key, false)?.get(name),
    getMetadata(name, target, key) {
      for (let t = target; t; t = Object.getPrototypeOf(t)) {
        const found = own(t, key, false);
        if (found?.has(name)) return found.get(name);
      }
      return undefined;
    },
    metadata: (name, value) => (target, key) => own(target, key, true).set(name, value),
  });
}
