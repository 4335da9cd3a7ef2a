/**
 * A one-argument function remembered by its argument, up to `max` answers (then all forgotten at
 * once): for pure functions asked the same question many times (a word's stem, a time's text).
 */
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let value = answers.get(key);
    if (value === undefined) {
      if (answers.size >= max) answers.clear();
      value = compute(key);
      answers.set(key, value);
    }
    return value;
  };
}
