import { EmptyStateShell, ExamplePrompts } from "@/components/ui/empty-state";
import { FilmIcon } from "@/components/ui/icons";
import { GENERATION_PROFILES, generationProfile } from "@/lib/backends/generation-families";
import type { BackendSummary } from "@/lib/backends/types";

const EXAMPLES = [
  {
    title: "Robot arm",
    prompt: "A robot arm picks up a red cube from a wooden table and places it in a metal bin; static camera, soft daylight.",
  },
  {
    title: "Warehouse",
    prompt: "A forklift drives down a warehouse aisle past tall shelves of boxes, the camera following at a steady distance.",
  },
  {
    title: "Street",
    prompt: "A ball rolls into a quiet residential street in front of a slowly approaching car, seen from the car's dashboard.",
  },
];

/** What the page says before the first job: what this backend makes, and prompts to start from. */
export function EmptyGallery({ backend, onPick }: { backend: BackendSummary; onPick: (prompt: string) => void }) {
  const profile = backend.generation?.profile ?? (backend.generationFamily ? generationProfile(backend.generationFamily) : null);
  const family = profile ? GENERATION_PROFILES[profile] : null;
  return (
    <EmptyStateShell
      testId="generate-empty"
      className="mx-auto max-w-2xl"
      icon={
        <span className="grid size-12 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300">
          <FilmIcon className="size-6" />
        </span>
      }
      title={<>Generate a world with {backend.label}</>}
      description="Describe a scene and press Generate. Jobs run on the server: they keep going if you leave, and show up here again when you come back."
      simulatedNote={
        backend.simulated && (
          <>
            {backend.label} is simulated: a job waits a few seconds and returns a stock clip or a procedural picture, not a generated world.
            {family && ` Its settings are those of ${family.label}.`}
          </>
        )
      }
    >
      <ExamplePrompts examples={EXAMPLES} onPick={onPick} columns={3} />
    </EmptyStateShell>
  );
}
