import type { SavedSessionData } from "@/lib/conversations/read";
import type { SnapshotData } from "@/lib/conversations/schema";
import type { MediaParamsDraft } from "@/lib/media/params";

// A share opened as a copy in the playground: the playground only restores sampling and media
// settings that were typed in, so a fork says they were, and it keeps them.

function mediaDraft(media: SnapshotData["media"]): MediaParamsDraft | undefined {
  if (!media || Object.keys(media).length === 0) return undefined;
  const text = (value: number | undefined) => (value === undefined ? "" : String(value));
  return {
    sampling: media.num_frames !== undefined && media.fps === undefined ? "num_frames" : "fps",
    fps: text(media.fps),
    num_frames: text(media.num_frames),
    shortest_edge: text(media.shortest_edge),
    longest_edge: text(media.longest_edge),
    max_num_tiles: text(media.max_num_tiles),
  };
}

export function forkData(data: SnapshotData): SavedSessionData {
  const draft = mediaDraft(data.media);
  const edited = Object.keys(data.params ?? {}).length > 0;
  return { ...data, playground: { paramsEdited: edited, ...(draft ? { mediaDraft: draft } : {}) } };
}
