"use client";

import { useEffect, useRef, useState } from "react";

// State mirrored into localStorage, read after mount so the server render and the first browser
// render agree. `read` checks what it finds: storage is shared with older versions of the page.

export function useStoredState<T>(key: string, initial: T, read: (stored: unknown) => T) {
  const [value, setValue] = useState<T>(initial);
  const [ready, setReady] = useState(false);
  const reader = useRef(read);

  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw !== null) setValue(reader.current(JSON.parse(raw)));
    } catch {
      // Unreadable or blocked storage: start empty, as on a first visit.
    }
    setReady(true);
  }, [key]);

  // Only once the stored value is in: writing earlier would replace it with the empty initial one.
  useEffect(() => {
    if (!ready) return;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Full or blocked storage only costs the memory across reloads.
    }
  }, [key, value, ready]);

  /** `ready` turns true once storage was read: before it, "nothing stored" is not known yet. */
  return [value, setValue, ready] as const;
}
