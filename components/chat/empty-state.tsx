import { InfoIcon } from "@/components/ui/icons";
import { LogoMark } from "@/components/ui/logo";
import { Skeleton } from "@/components/ui/skeleton";
import { focusRing } from "@/components/ui/styles";
import type { BackendSummary } from "@/lib/backends/types";

// Text-only for now; prompts about pictures and videos join when attachments land.
const EXAMPLES = [
  {
    title: "Plan a robot task",
    prompt: "A robot arm has to stack a red cube on top of a blue cube. Plan the steps and say what could go wrong.",
  },
  {
    title: "Judge a driving scene",
    prompt: "A ball rolls into the street ahead of a car driving at 30 km/h. What should the driver do next, and why?",
  },
  { title: "Predict what happens", prompt: "If I tip a full glass of water 45 degrees, what happens in the next two seconds?" },
  { title: "Explain a skill", prompt: "How does a humanoid robot keep its balance when it walks on ice?" },
];

interface EmptyStateProps {
  backend: BackendSummary;
  reasoning: boolean;
  onPick: (prompt: string) => void;
}

export function EmptyState({ backend, reasoning, onPick }: EmptyStateProps) {
  return (
    <div data-testid="empty-state" className="flex animate-fade-in flex-col items-center gap-8 pt-[6vh] text-center">
      <div className="flex flex-col items-center gap-4">
        <LogoMark className="size-12 drop-shadow-sm" />
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">What should {backend.label} reason about?</h1>
          <p className="mx-auto max-w-md text-[15px] text-zinc-600 text-balance dark:text-zinc-400">
            {reasoning
              ? "Ask a question and watch the model think in the Think pane before it answers."
              : "Ask a question. Turn on Reasoning in the settings to watch the model think first."}
          </p>
        </div>
      </div>
      <ul className="grid w-full gap-3 sm:grid-cols-2" aria-label="Example prompts">
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button
              type="button"
              data-testid="example-prompt"
              onClick={() => onPick(example.prompt)}
              className={`group h-full w-full rounded-xl border border-zinc-200 bg-white p-4 text-left shadow-xs transition hover:-translate-y-px hover:border-brand-500/60 hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/50 ${focusRing}`}
            >
              <span className="block text-sm font-semibold text-zinc-900 group-hover:text-brand-700 dark:text-zinc-100 dark:group-hover:text-brand-300">
                {example.title}
              </span>
              <span className="mt-1 line-clamp-2 text-sm leading-snug text-zinc-500 sm:line-clamp-none dark:text-zinc-400">
                {example.prompt}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {backend.simulated && (
        <p
          data-testid="simulated-note"
          className="flex max-w-xl items-start gap-2 rounded-xl bg-sky-50 px-4 py-3 text-left text-sm text-sky-900 dark:bg-sky-950/50 dark:text-sky-200"
        >
          <InfoIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong className="font-semibold">{backend.label} is simulated.</strong> The built-in simulator speaks the real NIM protocol and
            streams replies that say they are simulated, so you can try everything without a GPU. Add your NIM to the playground
            configuration to talk to a real model.
          </span>
        </p>
      )}
    </div>
  );
}

export function EmptyStateSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading backends" className="flex flex-col items-center gap-8 pt-[6vh]">
      <Skeleton className="size-12 rounded-lg" />
      <div className="flex w-full flex-col items-center gap-3">
        <Skeleton className="h-8 w-3/4 max-w-md" />
        <Skeleton className="h-4 w-2/3 max-w-sm" />
      </div>
      <div className="grid w-full gap-3 sm:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
