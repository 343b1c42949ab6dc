/** Adds `value` to the list under `key` (in place: a big bureau groups tens of thousands of rows). */
export function groupInto<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
