// Starter cards on the empty chat: each one a prompt, most with a bundled sample clip or still, so
// one click gives a message ready to send (as the hosted model pages do). The simulator knows these
// files by their content, so its answers about them are right.

export interface Starter {
  id: string;
  title: string;
  /** What the card says the starter does, short enough for a narrow card; the prompt goes to the composer. */
  summary: string;
  prompt: string;
  /** A bundled sample under public/samples: a clip, a still (PNG), or one frame of a clip (`at`). */
  media?: { src: string; as: "video" | "image"; at?: number };
}

export const STARTERS: Starter[] = [
  {
    id: "locate",
    title: "Box the objects",
    summary: "Boxes on the cube and the gripper in a still",
    prompt:
      "Locate the red cube and the robot gripper in this image. Answer with a bounding box per object as JSON with bbox_2d and label.",
    media: { src: "/samples/robot-arm.png", as: "image" },
  },
  {
    id: "robot-clip",
    title: "Explain a robot clip",
    summary: "Each step the arm takes, with its time",
    prompt: "What does the robot arm do in this clip, and when? Give the time of each step.",
    media: { src: "/samples/world-robot-arm.mp4", as: "video" },
  },
  {
    id: "driving-clip",
    title: "Judge a driving scene",
    summary: "The car's next move in a road clip, and why",
    prompt: "What should the ego vehicle do next in this clip, and why?",
    media: { src: "/samples/world-driving.mp4", as: "video" },
  },
  {
    id: "plan",
    title: "Plan a robot task",
    summary: "Stacking two cubes: the steps and what could go wrong",
    prompt: "A robot arm has to stack a red cube on top of a blue cube. Plan the steps and say what could go wrong.",
  },
];

/** The starter's media as a file to attach: the sample clip, or the frame at `at` seconds drawn to a PNG. */
export async function starterFile(media: NonNullable<Starter["media"]>): Promise<File> {
  const name = media.src.split("/").pop() ?? "sample.mp4";
  if (media.src.endsWith(".png")) {
    const response = await fetch(media.src);
    if (!response.ok) throw new Error(`The sample ${name} could not be loaded (${response.status}).`);
    return new File([await response.blob()], name, { type: "image/png" });
  }
  if (media.as === "video") {
    const response = await fetch(media.src);
    if (!response.ok) throw new Error(`The sample ${name} could not be loaded (${response.status}).`);
    return new File([await response.blob()], name, { type: "video/mp4" });
  }
  const video = document.createElement("video");
  video.muted = true;
  video.preload = "auto";
  video.src = media.src;
  await new Promise<void>((resolve, reject) => {
    video.onloadeddata = () => resolve();
    video.onerror = () => reject(new Error(`The sample ${name} could not be loaded.`));
  });
  video.currentTime = media.at ?? 0;
  await new Promise<void>((resolve) => (video.onseeked = () => resolve()));
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")?.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error(`A still of ${name} could not be made.`);
  return new File([blob], name.replace(/\.mp4$/, ".png"), { type: "image/png" });
}
