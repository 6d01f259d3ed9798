import type { PixelMeasure } from "@/lib/simulator/measure";
import type { ImageFacts, MediaFacts, VideoFacts } from "@/lib/simulator/media";
import { CODEC_NAMES, formatSeconds } from "@/lib/simulator/media-text";
import type { Random } from "@/lib/simulator/random";
import { fillMedia, speak, type Voice } from "@/lib/simulator/voices";

// What the simulator says about media that are not its bundled samples: only what it measured
// from the bytes (size, length, rate, colours, brightness, change between frames), nothing more.

const percent = (share: number): string => `${Math.round(share * 100)} %`;

function brightnessWord(value: number): string {
  return value < 0.25 ? "dark" : value < 0.45 ? "dim" : value < 0.7 ? "moderately bright" : "bright";
}

function aspect(width: number, height: number): string {
  const ratio = width / height;
  const known: [number, string][] = [
    [16 / 9, "16:9"],
    [16 / 10, "16:10"],
    [4 / 3, "4:3"],
    [1, "square"],
    [9 / 16, "9:16, portrait"],
    [3 / 4, "3:4, portrait"],
  ];
  const match = known.find(([value]) => Math.abs(value - ratio) < 0.02);
  return match ? match[1] : `${ratio.toFixed(2)}:1`;
}

function pixelFacts(measured: PixelMeasure | undefined, what: string, rng: Random): string[] {
  if (!measured) return [`Its pixels were not decoded (only PNGs up to 3840×2160 are), so colour and brightness were not measured.`];
  const colours = measured.colours.map((colour) => `${colour.name} (${percent(colour.share)})`);
  const level = percent(measured.brightness);
  const word = brightnessWord(measured.brightness);
  return [
    rng.pick([`The mean brightness of ${what} is ${level}: ${word}.`, `Overall ${what} is ${word}, at ${level} mean brightness.`]),
    colours.length === 0
      ? "No single colour covers more than 5 % of it."
      : rng.pick([`The colours covering most of it: ${colours.join(", ")}.`, `Its main colours are ${colours.join(", ")}.`]),
  ];
}

const UNFETCHED = "It is a link, which the simulator does not fetch, so nothing was measured.";

function imageFacts(image: ImageFacts, rng: Random): string[] {
  if (!image.width && !image.measured) return [UNFETCHED];
  const size = image.width && image.height ? [`It is ${image.width}×${image.height} pixels (${aspect(image.width, image.height)}).`] : [];
  return [...size, ...pixelFacts(image.measured, "the image", rng)];
}

function motionWord(motion: number): string {
  return motion < 0.01
    ? "almost nothing moves"
    : motion < 0.05
      ? "a little motion"
      : motion < 0.15
        ? "clear motion"
        : "strong motion or cuts";
}

function videoFacts(video: VideoFacts, rng: Random): string[] {
  if (!video.width && !video.durationS && !video.frames) return [UNFETCHED];
  const facts: string[] = [];
  if (video.durationS !== undefined) {
    const rate = video.fps !== undefined ? ` at ${Number(video.fps.toFixed(2))} fps` : "";
    facts.push(`It lasts ${formatSeconds(video.durationS)} s${rate}${video.frames ? `, ${video.frames} frames` : ""}.`);
  } else if (video.frames) facts.push(`It has ${video.frames} frames.`);
  if (video.width && video.height) facts.push(`Each frame is ${video.width}×${video.height} (${aspect(video.width, video.height)}).`);
  if (video.codec) facts.push(`It is encoded as ${CODEC_NAMES[video.codec] ?? video.codec}.`);
  if (video.motion !== undefined) {
    facts.push(`Between frames the picture changes by ${percent(video.motion)} on average: ${motionWord(video.motion)}.`);
  }
  if (video.measured) facts.push(...pixelFacts(video.measured, "the first frame", rng));
  else facts.push("Its frames were not decoded, so colour, brightness and motion were not measured.");
  return facts;
}

/** The measured facts of every item, in order. */
export function measuredFacts(items: readonly MediaFacts[], rng: Random): string[] {
  const many = items.length > 1;
  return items.flatMap((item, index) => {
    const facts = item.kind === "image" ? imageFacts(item, rng) : videoFacts(item, rng);
    return many ? facts.map((fact, at) => (at === 0 ? `${item.kind === "image" ? "Image" : "Video"} ${index + 1}: ${fact}` : fact)) : facts;
  });
}

const LIMIT =
  "The simulator recognises only the playground's bundled samples; of other media it reports what it measured, not what they show.";

/** The closing note, naming the question it cannot answer from measurements when there is one. */
function limit(question: string): string {
  return question ? `_“${question}” needs more than measurements. ${LIMIT}_` : `_${LIMIT}_`;
}

export function composeMeasured(voice: Voice, media: string, items: readonly MediaFacts[], rng: Random, question = ""): string {
  if (items.length === 0) return `Nothing was read from ${media}, so nothing was measured.\n\n${limit(question)}`;
  const lead = fillMedia(rng.pick(voice.measuredLead), media);
  // Measurements are kept whole, whatever the model's detail: they are all the simulator has.
  return `${speak({ ...voice, detail: 99 }, lead, measuredFacts(items, rng), rng)}\n\n${limit(question)}`;
}
