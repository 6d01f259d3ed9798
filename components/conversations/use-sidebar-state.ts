"use client";

import { useCallback, useEffect, useState } from "react";

const KEY = "nim-playground.sidebar";
// Below xl the header and the two side panels would leave the conversation too narrow.
const WIDE = "(min-width: 1280px)";

/**
 * Wide screens keep the sidebar as a column, open unless the person closed it (remembered);
 * narrow ones show it as a drawer, closed until asked for.
 */
export function useSidebarState() {
  const [wide, setWide] = useState(true);
  const [wideOpen, setWideOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => {
    if (localStorage.getItem(KEY) === "closed") setWideOpen(false);
    const query = window.matchMedia(WIDE);
    const update = () => {
      setWide(query.matches);
      if (query.matches) setDrawerOpen(false);
    };
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);

  const toggle = useCallback(() => {
    if (window.matchMedia(WIDE).matches) {
      setWideOpen((open) => {
        localStorage.setItem(KEY, open ? "closed" : "open");
        return !open;
      });
    } else {
      setDrawerOpen((open) => !open);
    }
  }, []);

  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  return { open: wide ? wideOpen : drawerOpen, wideOpen, drawerOpen, toggle, closeDrawer };
}
