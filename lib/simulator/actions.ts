import { smoothActions } from "@/lib/generation/action-curves";

// Simulated robot actions: the smooth curves of lib/generation/action-curves.ts, seeded by the
// request, so a policy or inverse-dynamics answer plots like a trajectory rather than noise.

export const ACTION_NOTE = "Simulated actions: smooth curves of the domain's shape, not a predicted trajectory.";

export const simulatedActions = (domainName: string, steps: number, dim: number, seed: number): number[][] =>
  smoothActions(domainName, steps, dim, seed);
