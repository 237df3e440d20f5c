// The three Reflect metadata functions tsyringe (a dependency of @peculiar/x509) calls at load time. The usual
// polyfill, reflect-metadata, is not a dependency here; this is that API's own-and-inherited lookup in a WeakMap, and
// it steps aside when a real polyfill is present. Import it before @peculiar/x509.
// @see https://rbuckton.github.io/reflect-metadata/ (the proposal tsyringe expects)

if (typeof Reflect.getMetadata !== 'function') {
  /** @type {WeakMap<object, Map<unknown, unknown>>} */
  const store = new WeakMap();
  const own = (target, create) => {
    if (!store.has(target) && create) store.set(target, new Map());
    return store.get(target);
  };
  Reflect.defineMetadata = (key, value, target) => {
    own(target, true).set(key, value);
  };
  Reflect.getOwnMetadata = (key, target) => own(target, false)?.get(key);
  Reflect.getMetadata = (key, target) => {
    for (let current = target; current !== null && current !== undefined; current = Object.getPrototypeOf(current)) {
      const map = own(current, false);
      if (map?.has(key)) return map.get(key);
    }
    return undefined;
  };
}
