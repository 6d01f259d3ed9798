// The keyboard shortcuts the help dialog lists. Each entry of `keys` is one way to do the action,
// written as a chord ("Mod+Enter"); "Mod" is Ctrl, or ⌘ on a Mac.

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
      { keys: ["Esc"], action: "Stop generating; an open dialog, menu or drawer closes first" },
      { keys: ["Tab", "Shift+Tab"], action: "Next or previous control" },
    ],
  },
  {
    title: "Writing a prompt",
    shortcuts: [
      { keys: ["Mod+Enter"], action: "Send (Chat and Compare) or generate (Generate)" },
      { keys: ["Mod+V"], action: "Paste an image from the clipboard as an attachment" },
      { keys: ["Enter"], action: "Attach the address typed in the link box" },
    ],
  },
  {
    title: "Saved chats",
    shortcuts: [
      { keys: ["F2"], action: "Rename the focused chat in the sidebar" },
      { keys: ["Enter"], action: "Keep the new name" },
      { keys: ["Esc"], action: "Cancel renaming" },
    ],
  },
  {
    title: "Presenting",
    shortcuts: [
      { keys: ["P"], action: "Presentation mode on or off (when not typing)" },
      { keys: ["→", "PgDn"], action: "Next step" },
      { keys: ["←", "PgUp"], action: "Previous step" },
      { keys: ["Home", "End"], action: "First or last step" },
      { keys: ["Esc"], action: "Leave presentation mode" },
    ],
  },
  {
    title: "Drawing on an image",
    shortcuts: [
      { keys: ["Mod+Z"], action: "Undo" },
      { keys: ["Shift+Mod+Z", "Mod+Y"], action: "Redo" },
      { keys: ["Delete", "Backspace"], action: "Remove the selected point or box" },
    ],
  },
  {
    title: "Video player (Generate)",
    shortcuts: [
      { keys: ["Space", "K"], action: "Play or pause" },
      { keys: [",", "."], action: "One frame back or forward" },
      { keys: ["←", "→"], action: "One second back or forward" },
      { keys: ["Home", "End"], action: "Start or end of the video" },
      { keys: ["L"], action: "Loop on or off" },
      { keys: ["M"], action: "Sound on or off" },
      { keys: ["F"], action: "Full screen on or off" },
    ],
  },
  {
    title: "Lists, fields and tabs",
    shortcuts: [
      { keys: ["↑", "↓"], action: "Step a sampling parameter; move through the backend list" },
      { keys: ["Home", "End"], action: "First or last backend in the open list" },
      { keys: ["Enter", "Space"], action: "Open the backend list; pick the highlighted backend" },
      { keys: ["←", "→"], action: "Switch tabs and options (View code)" },
      { keys: ["Enter"], action: "Add the stop sequence typed in its field" },
      { keys: ["Backspace"], action: "Remove the last stop sequence (when its field is empty)" },
    ],
  },
];
