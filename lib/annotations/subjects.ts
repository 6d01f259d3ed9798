import { parseLoose } from "@/lib/annotations/loose-json";
import { scanObjects } from "@/lib/annotations/scan-objects";

// Describe anything's answer: one object per marked subject, `{"subject_id","category","caption"}`
// (docs/nim-protocols.md §1.8), read so each description shows beside its number.

export interface SubjectDescription {
  id: string;
  category: string;
  caption: string;
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

export function parseSubjects(answer: string): SubjectDescription[] {
  if (!/subject_id/i.test(answer)) return [];
  const subjects: SubjectDescription[] = [];
  for (const candidate of scanObjects(answer)) {
    if (candidate.broken) continue;
    const parsed = parseLoose(answer, candidate.start, candidate.end)?.value;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) continue;
    const id = text(parsed.subject_id);
    if (id) subjects.push({ id, category: text(parsed.category), caption: text(parsed.caption) });
  }
  return subjects;
}
