"use client";

import { Fragment, useSyncExternalStore } from "react";

import { SHORTCUT_GROUPS } from "@/components/help/shortcuts";
import { ModalDialog } from "@/components/ui/modal-dialog";

const noSubscribe = () => () => {};
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const mac = useSyncExternalStore(noSubscribe, isMac, () => false);
  const keyName = (key: string) => (key === "Mod" ? (mac ? "⌘" : "Ctrl") : key);
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      description="Every action is also reachable with Tab and Enter."
      onClose={onClose}
      widthClass="w-[min(50rem,calc(100vw-2rem))]"
      data-testid="help-dialog"
    >
      <div className="grid gap-x-8 gap-y-5 px-5 py-4 md:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title} className="space-y-2">
            <h3 className="text-xs font-semibold tracking-wide text-fg-soft uppercase">{group.title}</h3>
            <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.action} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                  <dt className="min-w-0 text-fg-body">{shortcut.action}</dt>
                  <dd className="flex shrink-0 items-center gap-1.5">
                    {shortcut.keys.map((chord, index) => (
                      <Fragment key={chord}>
                        {index > 0 && <span className="text-xs text-fg-soft">or</span>}
                        <span className="flex items-center gap-0.5">
                          {chord.split("+").map((key) => (
                            <kbd
                              key={key}
                              className="min-w-6 rounded-md border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-center font-sans text-xs font-medium text-zinc-700 shadow-[0_1px_0_0] shadow-zinc-300 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200 dark:shadow-zinc-700"
                            >
                              {keyName(key)}
                            </kbd>
                          ))}
                        </span>
                      </Fragment>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
