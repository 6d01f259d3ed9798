// One colour per series, dark enough on white and light enough on zinc-900 for 3:1 graphics contrast.
const SERIES_COLORS = [
  {
    stroke: "stroke-brand-600 dark:stroke-brand-400",
    fill: "fill-brand-600 dark:fill-brand-400",
    swatch: "bg-brand-600 dark:bg-brand-400",
  },
  { stroke: "stroke-sky-600 dark:stroke-sky-400", fill: "fill-sky-600 dark:fill-sky-400", swatch: "bg-sky-600 dark:bg-sky-400" },
  {
    stroke: "stroke-amber-600 dark:stroke-amber-400",
    fill: "fill-amber-600 dark:fill-amber-400",
    swatch: "bg-amber-600 dark:bg-amber-400",
  },
  {
    stroke: "stroke-violet-600 dark:stroke-violet-400",
    fill: "fill-violet-600 dark:fill-violet-400",
    swatch: "bg-violet-600 dark:bg-violet-400",
  },
  { stroke: "stroke-rose-600 dark:stroke-rose-400", fill: "fill-rose-600 dark:fill-rose-400", swatch: "bg-rose-600 dark:bg-rose-400" },
] as const;

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;
