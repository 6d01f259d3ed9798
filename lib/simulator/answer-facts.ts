/** Opens every prose answer, so no one takes it for a model's. */
export const SIMULATED_LABEL = "(Simulated answer)";

/** What the reasoning may refer to, so thought and answer agree. */
export interface AnswerFacts {
  points?: number;
  start?: [number, number];
  end?: [number, number];
  boxes?: number;
  label?: string;
  events?: number;
  durationS?: number;
  verdict?: "Approve" | "Reject" | "A" | "B" | "Yes" | "No";
  /** The media as the reply names them, e.g. "the 1280×720 image". */
  media?: string;
  /** Objects asked for that are not there (a sample), or could not be looked for (other media). */
  absent?: string[];
  /** What the model knows it sees (a bundled sample), for the reasoning to mention. */
  observed?: string[];
  /** True when the media are not a bundled sample: the reasoning then speaks of measurements only. */
  unrecognised?: boolean;
}

export interface ComposedAnswer {
  text: string;
  facts: AnswerFacts;
}
