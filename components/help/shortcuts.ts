// The keyboard shortcuts the help dialog lists. "Mod" is Ctrl, or ⌘ on a Mac.

export interface Shortcut {
  keys: string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: "Anywhere",
    shortcuts: [
      { keys: ["?"], action: "Show this help (when not typing)" },
      { keys: ["Esc"], action: "Stop generating; close a dialog, menu or drawer first when one is open" },
      { keys: ["Tab"], action: "Move to the next control; Shift+Tab goes back" },
    ],
  },
  {
    title: "Writing a message (Chat and Compare)",
    shortcuts: [
      { keys: ["Mod", "Enter"], action: "Send" },
      { keys: ["Mod", "V"], action: "Paste an image from the clipboard as an attachment" },
    ],
  },
  {
    title: "Presenting",
    shortcuts: [
      { keys: ["P"], action: "Presentation mode on or off (when not typing)" },
      { keys: ["→", "PgDn"], action: "Next step of the presentation; ← or PgUp goes back" },
      { keys: ["Home", "End"], action: "First or last step of the presentation" },
    ],
  },
  {
    title: "Drawing on an image",
    shortcuts: [
      { keys: ["Mod", "Z"], action: "Undo; add Shift to redo" },
      { keys: ["Mod", "Y"], action: "Redo" },
      { keys: ["Delete"], action: "Remove the selected point or box" },
    ],
  },
  {
    title: "Controls",
    shortcuts: [
      { keys: ["↑", "↓"], action: "Step a sampling parameter; move through the backend list" },
      { keys: ["Home", "End"], action: "First or last backend in the list" },
      { keys: ["Enter"], action: "Pick the highlighted backend; add a stop sequence" },
      { keys: ["←", "→"], action: "Switch tabs and options (View code)" },
      { keys: ["F2"], action: "Rename the focused conversation in the sidebar" },
    ],
  },
];
