import { SparkleIcon } from "@/components/ui/icons";
import type { TurnTask } from "@/lib/chat/turn-task";

/** A preset turn as the person wrote it: the task and its own words; the template sent is one click away. */
export function TaskText({ task, prompt }: { task: TurnTask; prompt: string }) {
  return (
    <div data-testid="turn-task" data-preset={task.preset} className="flex flex-col gap-1.5">
      <span className="inline-flex items-center gap-1 self-start rounded-full bg-white/15 px-2 py-0.5 text-xs font-semibold text-white/90 dark:bg-white/10">
        <SparkleIcon className="size-3" aria-hidden="true" /> {task.label}
      </span>
      {task.text.trim() && <span data-testid="turn-task-text">{task.text.trim()}</span>}
      <details className="group text-xs text-white/70">
        <summary
          data-testid="turn-full-prompt-toggle"
          className="cursor-pointer rounded select-none hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-400"
        >
          <span className="group-open:hidden">Show full prompt</span>
          <span className="hidden group-open:inline">Hide full prompt</span>
        </summary>
        <p
          data-testid="turn-full-prompt"
          className="mt-1.5 border-l-2 border-white/25 pl-2 font-mono text-[11px] leading-snug text-white/80"
        >
          {prompt}
        </p>
      </details>
    </div>
  );
}
