import { columnName, findDomain } from "@/lib/backends/action-domains";
import type { ActionResult, GenerationJobView } from "@/lib/generation/schema";

// The actions that go with a job, for plotting beside its video: the ones the server returned
// (policy, inverse dynamics), else the ones it was given (forward dynamics).

export interface JobActions {
  action: ActionResult;
  columns: string[];
  title: string;
}

function domainColumns(domain: string, width: number): string[] {
  const entry = findDomain(domain);
  return Array.from({ length: width }, (_, index) => (entry ? columnName(entry, index) : `a${index}`));
}

export function jobActions(job: GenerationJobView): JobActions | null {
  const returned = job.result?.action;
  if (returned) {
    const title = job.mode === "inverse_dynamics" ? "Recovered actions" : "Predicted actions";
    return { action: returned, columns: domainColumns(returned.domain, returned.shape[1]), title };
  }
  const given = job.request.action;
  if (job.mode !== "forward_dynamics" || !given?.data?.length) return null;
  const shape: [number, number] = [given.data.length, given.data[0]!.length];
  return {
    action: { domain: given.domain, shape, data: given.data },
    columns: domainColumns(given.domain, shape[1]),
    title: "Input actions",
  };
}
