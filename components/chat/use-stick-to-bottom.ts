"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const SLACK_PX = 48;

// Follows new content while the view is at the bottom; once the person scrolls up it stops
// following until they come back down (or send a new message, which calls stick()).
/** `active`: whether there is anything to follow (the empty state must stay at the top). */
export function useStickToBottom<S extends HTMLElement, C extends HTMLElement>(active: boolean) {
  const scrollRef = useRef<S>(null);
  const contentRef = useRef<C>(null);
  const stuck = useRef(true);
  const activeRef = useRef(active);
  const [awayFromBottom, setAwayFromBottom] = useState(false);

  const scrollToEnd = useCallback((behavior: ScrollBehavior = "auto") => {
    const el = scrollRef.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior });
  }, []);

  const stick = useCallback(
    (behavior: ScrollBehavior = "auto") => {
      stuck.current = true;
      setAwayFromBottom(false);
      scrollToEnd(behavior);
    },
    [scrollToEnd],
  );

  useEffect(() => {
    activeRef.current = active;
  }, [active]);

  const lastTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < SLACK_PX;
    // Growth moves the bottom away while the view stays put: only a move up is the person leaving.
    const movedUp = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    if (atBottom || (stuck.current && !movedUp)) {
      if (!atBottom) scrollToEnd();
      stuck.current = true;
      setAwayFromBottom(false);
      return;
    }
    stuck.current = false;
    setAwayFromBottom(true);
  }, [scrollToEnd]);

  // A ResizeObserver also catches growth that happens after the state change (deferred markdown).
  useEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    const observer = new ResizeObserver(() => {
      if (stuck.current && activeRef.current) scrollToEnd();
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [scrollToEnd]);

  return { scrollRef, contentRef, onScroll, stick, awayFromBottom };
}
