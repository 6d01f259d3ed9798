// These icons now live in components/ui/icons.tsx; import them from there.
export { ChartIcon, ChatIcon, CodeIcon, ColumnsIcon, HelpIcon, PlusIcon, PromoteIcon } from "@/components/ui/icons";
