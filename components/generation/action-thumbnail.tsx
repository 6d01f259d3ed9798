import { dimensionColor } from "@/components/generation/action-plot";
import type { ActionResult } from "@/lib/generation/schema";

const W = 320;
const H = 180;
const PAD = 14;

/** A still picture of the actions for a result card: each line on its own scale, no axes. */
export function ActionThumbnail({ action }: { action: ActionResult }) {
  const [steps, dims] = action.shape;
  const paths = Array.from({ length: dims }, (_, d) => {
    const column = action.data.map((row) => row[d] ?? 0);
    const min = Math.min(...column);
    const span = Math.max(...column) - min || 1;
    return column
      .map((value, step) => {
        const x = PAD + (steps <= 1 ? (W - 2 * PAD) / 2 : (step / (steps - 1)) * (W - 2 * PAD));
        const y = H - PAD - ((value - min) / span) * (H - 2 * PAD);
        return `${step === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join("");
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="aspect-video w-full" data-testid="action-thumbnail">
      {paths.map((d, index) => (
        <path key={index} d={d} fill="none" stroke={dimensionColor(index, dims)} strokeWidth={1.8} strokeLinejoin="round" opacity={0.9} />
      ))}
    </svg>
  );
}
