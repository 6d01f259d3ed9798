import type { AnswerFacts } from "@/lib/simulator/answers";
import type { PromptAnalysis } from "@/lib/simulator/prompts";
import type { Random } from "@/lib/simulator/random";
import { markedSubjects, type TaskKind } from "@/lib/simulator/task-prompts";

// The task steps of a simulated chain of thought for the templates of task-prompts.ts.

export function taskReasoningSteps(kind: TaskKind, analysis: PromptAnalysis, facts: AnswerFacts, rng: Random): string[] {
  switch (kind) {
    case "driving-trajectory":
      if (facts.points === 0) return ["Without a road I can locate, I give no waypoints."];
      return [
        "I check the lane, the vehicle ahead and anyone near the road before choosing a path.",
        `I will give ${facts.points ?? 6} waypoints from the bottom of the frame toward the horizon, in 0–1000 normalized coordinates.`,
      ];
    case "describe": {
      const count = markedSubjects(analysis.question);
      const steps = [`${count === 1 ? "One subject is" : `${count} subjects are`} marked with numbers; I describe each by its number.`];
      if (facts.absent && facts.absent.length > 0 && !facts.unrecognised)
        steps.push(`I cannot find or tell apart ${facts.absent.join(", ")} by colour, so I say so rather than guess.`);
      return steps;
    }
    case "temporal-seconds":
    case "temporal-query":
      return ["Each time must fall inside the clip, written the way the prompt asks."];
    case "anomaly-critic":
      return [rng.pick(["I go through the components one by one.", "I check each component for artifacts."])];
  }
}

/** Reason1's critic thinks in its template's structure: an overview, then components with an anomaly each. */
export function anomalyCriticReasoning(facts: AnswerFacts, rng: Random): string {
  const anomaly = facts.verdict === "Yes";
  const components = [
    ["Object motion", anomaly ? "An object seems to slide without support." : "Objects move smoothly here."],
    ["Lighting", rng.pick(["Shadows stay consistent.", "The light does not flicker."])],
  ];
  return [
    "<overview>\nSimulated critique: the verdict below is drawn by the simulator, not judged from the video's content.\n</overview>",
    ...components.map(
      ([name, analysis], i) =>
        `<component name="${name}">\n<analysis>\n${analysis}\n</analysis>\n<anomaly>${anomaly && i === 0 ? "Yes" : "No"}</anomaly>\n</component>`,
    ),
  ].join("\n\n");
}
