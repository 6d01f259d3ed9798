"use client";

import { useCallback, useEffect, useState } from "react";

const KEY = "nim-playground.settings-rail";
const DESKTOP = "(min-width: 1024px)";

/**
 * The settings panel: a drawer below lg (closed until asked for), a rail on desktop that the
 * person may collapse to give the conversation the room (remembered across reloads).
 */
export function useSettingsRail() {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  // Read after mount so the server render and the first browser render agree.
  useEffect(() => {
    if (localStorage.getItem(KEY) === "collapsed") setCollapsed(true);
  }, []);

  const remember = useCallback((next: boolean) => {
    localStorage.setItem(KEY, next ? "collapsed" : "open");
    setCollapsed(next);
  }, []);
  const open = useCallback(() => {
    if (window.matchMedia(DESKTOP).matches) remember(false);
    else setDrawerOpen(true);
  }, [remember]);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);
  const collapse = useCallback(() => remember(true), [remember]);

  return { drawerOpen, collapsed, open, closeDrawer, collapse };
}
