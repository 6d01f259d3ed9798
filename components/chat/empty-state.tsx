import { EmptyStateShell, ExamplePrompts } from "@/components/ui/empty-state";
import { LogoMark } from "@/components/ui/logo";
import { Skeleton } from "@/components/ui/skeleton";
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
    <EmptyStateShell
      testId="empty-state"
      icon={<LogoMark className="size-12 drop-shadow-sm" />}
      title={<>What should {backend.label} reason about?</>}
      description={
        reasoning
          ? "Ask a question and watch the model think in the Think pane before it answers."
          : "Ask a question. Turn on Reasoning in the settings to watch the model think first."
      }
      simulatedNote={
        backend.simulated && (
          <>
            <strong className="font-semibold">{backend.label} is simulated.</strong> The built-in simulator speaks the real NIM protocol and
            streams replies that say they are simulated, so you can try everything without a GPU. Add your NIM to the playground
            configuration to talk to a real model.
          </>
        )
      }
    >
      <ExamplePrompts examples={EXAMPLES} onPick={onPick} />
    </EmptyStateShell>
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
