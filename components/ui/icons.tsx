// Every icon of the app (the video player keeps its own set), in one import path; the icons live
// in files grouped by where they are used.
export { Icon } from "@/components/ui/icon";
export * from "@/components/ui/icons-chat";
export * from "@/components/ui/icons-drawing";
export * from "@/components/ui/icons-pages";
