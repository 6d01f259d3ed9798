import type { ImageFacts, MediaFacts, VideoFacts } from "@/lib/simulator/media";

// Names the media of a request in a reply: by their real facts when the simulator could read
// them ("the 1280×720 image", "the 12.4 s video at 30 fps (1920×1080, h264)"), else by count.

// Sample entry codes as people say them.
export const CODEC_NAMES: Record<string, string> = {
  avc1: "h264",
  avc3: "h264",
  hvc1: "h265",
  hev1: "h265",
  vp08: "vp8",
  vp09: "vp9",
  av01: "av1",
  mp4v: "mpeg4",
};

/** Seconds as a short number: 12.4, 3, 0.04. */
export function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(seconds < 1 ? 2 : 1)));
}

const formatFps = (fps: number) => String(Number(fps.toFixed(2)));
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const imageSize = (image: ImageFacts): string | null => (image.width && image.height ? `${image.width}×${image.height}` : null);

function videoDetails(video: VideoFacts): { lead: string | null; rate: string | null; extra: string[] } {
  const size = video.width && video.height ? `${video.width}×${video.height}` : null;
  const codec = video.codec ? (CODEC_NAMES[video.codec] ?? video.codec) : null;
  return {
    lead: video.durationS !== undefined ? `${formatSeconds(video.durationS)} s` : null,
    // `video_frames` have a frame count but no clock.
    rate:
      video.fps !== undefined
        ? `${formatFps(video.fps)} fps`
        : video.durationS === undefined && video.frames
          ? plural(video.frames, "frame")
          : null,
    extra: [size, codec].filter((value): value is string => value !== null),
  };
}

function describeOneVideo(video: VideoFacts): string | null {
  const { lead, rate, extra } = videoDetails(video);
  if (!lead && !rate && extra.length === 0) return null;
  const head = lead ? `the ${lead} video` : "the video";
  const at = rate ? (video.fps !== undefined ? ` at ${rate}` : ` of ${rate}`) : "";
  return `${head}${at}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}

function describeVideoList(video: VideoFacts): string | null {
  const { lead, rate, extra } = videoDetails(video);
  const parts = [lead && rate && video.fps !== undefined ? `${lead} at ${rate}` : (lead ?? rate), ...extra].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

function describeGroup<T extends MediaFacts>(
  items: readonly T[],
  word: string,
  one: (item: T) => string | null,
  inList: (item: T) => string | null,
  separator: string,
): string | null {
  if (items.length === 0) return null;
  const [first] = items;
  if (items.length === 1 && first) return one(first) ?? plural(1, word);
  const known = items.map(inList).filter((text): text is string => text !== null);
  return `${plural(items.length, word)}${known.length > 0 ? ` (${known.join(separator)})` : ""}`;
}

export function describeMedia(images: number, videos: number, items?: readonly MediaFacts[]): string {
  if (items && items.length > 0) {
    const groups = [
      describeGroup(
        items.filter((item): item is ImageFacts => item.kind === "image"),
        "image",
        (image) => {
          const size = imageSize(image);
          return size ? `the ${size} image` : null;
        },
        imageSize,
        ", ",
      ),
      describeGroup(
        items.filter((item): item is VideoFacts => item.kind === "video"),
        "video",
        describeOneVideo,
        describeVideoList,
        "; ",
      ),
    ].filter((text): text is string => text !== null);
    return groups.join(" and ");
  }
  if (images === 0 && videos === 0) return "no images or videos";
  if (videos === 0) return plural(images, "image");
  if (images === 0) return plural(videos, "video");
  return `${plural(images, "image")} and ${plural(videos, "video")}`;
}
