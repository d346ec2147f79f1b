// Grouping and indexing lists by a key, in the order the items come.

export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[keyOf(item)] ??= []).push(item);
  return groups;
}

export function indexBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Record<string, T> {
  const index: Record<string, T> = {};
  for (const item of items) index[keyOf(item)] = item;
  return index;
}
