import { FilmIcon, InfoIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
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
    <div data-testid="generate-empty" className="mx-auto flex max-w-2xl animate-fade-in flex-col items-center gap-6 pt-[5vh] text-center">
      <span className="grid size-12 place-items-center rounded-2xl bg-brand-100 text-brand-700 dark:bg-brand-500/15 dark:text-brand-300">
        <FilmIcon className="size-6" />
      </span>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-balance">Generate a world with {backend.label}</h1>
        <p className="mx-auto max-w-md text-[15px] text-zinc-600 text-balance dark:text-zinc-400">
          Describe a scene and press Generate. Jobs run on the server: they keep going if you leave, and show up here again when you come
          back.
        </p>
      </div>
      <ul className="grid w-full gap-3 sm:grid-cols-3" aria-label="Example prompts">
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <button
              type="button"
              data-testid="example-prompt"
              onClick={() => onPick(example.prompt)}
              className={`group h-full w-full rounded-xl border border-zinc-200 bg-white p-3.5 text-left shadow-xs transition hover:-translate-y-px hover:border-brand-500/60 hover:shadow-md dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/50 ${focusRing}`}
            >
              <span className="block text-sm font-semibold group-hover:text-brand-700 dark:group-hover:text-brand-300">
                {example.title}
              </span>
              <span className="mt-1 line-clamp-3 text-xs leading-snug text-zinc-500 dark:text-zinc-400">{example.prompt}</span>
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
            {backend.label} is simulated: a job waits a few seconds and returns a stock clip or a procedural picture, not a generated world.
            {family && ` Its settings are those of ${family.label}.`}
          </span>
        </p>
      )}
    </div>
  );
}
