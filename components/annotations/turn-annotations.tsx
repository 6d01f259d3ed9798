"use client";

import dynamic from "next/dynamic";

import { IssueList } from "@/components/annotations/issue-list";
import { SubjectList } from "@/components/annotations/subject-list";
import { useSeekForTurn } from "@/components/annotations/time-link";
import { useTurnAnnotations } from "@/components/annotations/use-turn-annotations";
import { SegmentList } from "@/components/annotations/video-timeline";
import { parseSubjects } from "@/lib/annotations/subjects";
import type { AssistantTurn } from "@/lib/chat/conversation";

// Drawing points and boxes on the image needs the stage and its layers: loaded when an answer has some.
const AnnotationOverlay = dynamic(() => import("@/components/annotations/annotation-overlay").then((module) => module.AnnotationOverlay), {
  ssr: false,
});

// An answer whose only list is empty ("```json\n[]\n```"): the model located nothing, so nothing is drawn.
const EMPTY_LIST = /```json\s*\[\s*\]\s*```/;

/** Under an answer: its points and boxes drawn on the image, its events as seek buttons, and what could not be read. */
export function TurnAnnotations({ turn }: { turn: AssistantTurn }) {
  const { parsed, targets, family, convention, bounds } = useTurnAnnotations(turn);
  const seek = useSeekForTurn(turn);
  const shapes = parsed.series.length + parsed.boxes.length;
  const surface = targets.image ?? targets.video;
  const overlay = shapes > 0 && surface !== null;
  const subjects = turn.state === "streaming" ? [] : parseSubjects(turn.answer);
  const located = shapes + parsed.segments.length + parsed.issues.length + subjects.length > 0;
  if (!located && turn.state === "done" && EMPTY_LIST.test(turn.answer)) {
    return (
      <p data-testid="annotation-empty" className="text-xs text-fg-muted">
        Nothing to draw: the answer&apos;s list is empty.
      </p>
    );
  }
  if (!located) return null;
  return (
    <div data-testid="turn-annotations" className="flex flex-col gap-3">
      {overlay && (
        <AnnotationOverlay
          key={`${surface.userTurnId}:${surface.index}`}
          parsed={parsed}
          target={surface}
          family={family}
          convention={convention}
          bounds={bounds}
        />
      )}
      {shapes > 0 && !surface && (
        <p className="text-xs text-fg-muted">
          The answer has {parsed.series.reduce((n, s) => n + s.points.length, 0)} points and {parsed.boxes.length} boxes, but no uploaded
          image in this conversation to draw them on.
        </p>
      )}
      {parsed.segments.length > 0 && <SegmentList segments={parsed.segments} onSeek={seek} />}
      {subjects.length > 0 && <SubjectList subjects={subjects} />}
      {!overlay && <IssueList issues={parsed.issues} />}
    </div>
  );
}
