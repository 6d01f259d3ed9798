// Values made once per process. They live on globalThis because the dev server (and Next's route
// bundles) can load a module more than once, and a second database pool or simulator would be a bug.

interface Slot<T> {
  key: string;
  value: T;
}

const holder = globalThis as typeof globalThis & { __playgroundMemo?: Map<string, Slot<unknown>> };
const slots = (holder.__playgroundMemo ??= new Map());

/**
 * The value `name` holds for `key`, made by `create` the first time or when the key changed (the
 * configuration moved). `onReplace` gets the value a new key pushes out, e.g. to close it.
 */
export function processMemo<T>(name: string, key: string, create: () => T, onReplace?: (old: T) => void): T {
  const slot = slots.get(name) as Slot<T> | undefined;
  if (slot && slot.key === key) return slot.value;
  if (slot && onReplace) onReplace(slot.value);
  const value = create();
  slots.set(name, { key, value });
  return value;
}

/** Forgets `name` (only if it still holds `value`, when given: e.g. a failed start, tried again next time). */
export function forgetProcessMemo(name: string, ...value: [unknown?]): void {
  if (value.length === 0 || slots.get(name)?.value === value[0]) slots.delete(name);
}
