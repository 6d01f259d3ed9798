// The bundled sample scenes as data: where every object is at any moment, its colour, and what
// happens when. scripts/make-sample-clips.mjs draws from these states and the simulator answers
// from them, so what it says about a sample matches the pixels. Pure: no I/O, no DOM.

export const WIDTH = 640;
export const HEIGHT = 360;
export const FPS = 24;
export const SECONDS = 3;
export const FRAMES = SECONDS * FPS;

const ease = (x) => (x < 0 ? 0 : x > 1 ? 1 : x * x * (3 - 2 * x));
const lerp = (a, b, x) => a + (b - a) * x;
const round1 = (v) => Math.round(v * 10) / 10;
const box = (x1, y1, x2, y2) => [round1(x1), round1(y1), round1(x2), round1(y2)];

// Each take moves the scene a little, so a different seed gives a visibly different clip.
const ARM_TAKES = [
  { pickX: 230, placeX: 470 },
  { pickX: 195, placeX: 500 },
  { pickX: 265, placeX: 445 },
];
const BALL_TAKES = [{ direction: 1 }, { direction: -1 }, { direction: 1, bounce: 60 }];
const DRIVE_TAKES = [{ speed: 1 }, { speed: 1.5 }, { speed: 0.7 }];

export const SCENES = [
  { name: "robot-arm", takes: ARM_TAKES.length },
  { name: "rolling-ball", takes: BALL_TAKES.length },
  { name: "driving", takes: DRIVE_TAKES.length },
];

const REST = 246; // top of a cube resting on the table
const ARM_BASE = { x: 60, y: 262 };
const ARM_HOME = { x: 330, y: 110 };
const LINKS = [230, 220];

function armState(take, t) {
  const { pickX, placeX } = ARM_TAKES[take];
  const pick = { x: pickX, y: REST - 36 };
  const place = { x: placeX, y: REST - 36 };
  // The hand's path: reach, grip, lift and carry, release, return.
  let hand;
  if (t < 0.25) hand = { x: lerp(ARM_HOME.x, pick.x, ease(t / 0.25)), y: lerp(ARM_HOME.y, pick.y, ease(t / 0.25)) };
  else if (t < 0.35) hand = { ...pick };
  else if (t < 0.8) {
    const x = (t - 0.35) / 0.45;
    hand = { x: lerp(pick.x, place.x, ease(x)), y: pick.y - Math.sin(Math.PI * ease(x)) * 90 };
  } else hand = { x: lerp(place.x, ARM_HOME.x, ease((t - 0.85) / 0.15)), y: lerp(place.y, ARM_HOME.y, ease((t - 0.85) / 0.15)) };
  const gripping = t >= 0.3 && t < 0.82;
  const cube = t < 0.35 ? { x: pick.x, y: REST } : t < 0.8 ? { x: hand.x, y: hand.y + 36 } : { x: place.x, y: REST };
  // Two-link inverse kinematics, elbow up (the base is at the left, so the pose never flips).
  const [l1, l2] = LINKS;
  const dx = hand.x - ARM_BASE.x;
  const dy = hand.y - ARM_BASE.y;
  const d = Math.min(l1 + l2 - 1, Math.hypot(dx, dy));
  const a2 = Math.acos(Math.max(-1, Math.min(1, (d * d - l1 * l1 - l2 * l2) / (2 * l1 * l2))));
  const a1 = Math.atan2(dy, dx) - Math.atan2(l2 * Math.sin(a2), l1 + l2 * Math.cos(a2));
  const elbow = { x: ARM_BASE.x + l1 * Math.cos(a1), y: ARM_BASE.y + l1 * Math.sin(a1) };
  const open = gripping ? 19 : 27;
  return { kind: "robot-arm", t, base: ARM_BASE, elbow, hand, cube, place, rest: REST, gripping, open };
}

function ballState(take, t) {
  const { direction, bounce = 40 } = BALL_TAKES[take];
  const r = 38;
  const along = lerp(-r, WIDTH + r, t);
  const x = direction > 0 ? along : WIDTH - along;
  const y = HEIGHT - 70 - Math.abs(Math.sin(t * Math.PI * 3)) * bounce * (1 - t);
  return { kind: "rolling-ball", t, x, y, r, floor: HEIGHT - 34 };
}

function driveState(take, t) {
  return { kind: "driving", t, travel: t * 6 * DRIVE_TAKES[take].speed };
}

/** What a scene shows at time fraction `t` (0 first frame, 1 last), in pixels of the 640×360 frame. */
export function sceneState(name, take, t) {
  if (name === "robot-arm") return armState(take, t);
  if (name === "rolling-ball") return ballState(take, t);
  return driveState(take, t);
}

/** The named objects visible at time fraction `t`, each with its pixel box and colour. */
export function sceneObjects(name, take, t) {
  const s = sceneState(name, take, t);
  if (s.kind === "robot-arm") {
    const grip = box(s.hand.x - s.open - 3, s.hand.y, s.hand.x + s.open + 3, s.hand.y + 46);
    const xs = [s.base.x - 40, s.base.x + 40, s.elbow.x - 11, s.elbow.x + 11, grip[0], grip[2]];
    const ys = [s.base.y + 22, s.elbow.y - 11, s.hand.y - 11, grip[3]];
    return [
      { label: "red cube", colour: "red", box: box(s.cube.x - 16, s.cube.y, s.cube.x + 16, s.cube.y + 30) },
      { label: "blue mat", colour: "blue", box: box(s.place.x - 40, s.rest + 30, s.place.x + 40, s.rest + 38) },
      { label: "gripper", colour: "dark grey", box: grip },
      { label: "robot arm", colour: "yellow", box: box(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)) },
      { label: "table", colour: "brown", box: box(0, HEIGHT * 0.62, WIDTH, HEIGHT) },
    ];
  }
  if (s.kind === "rolling-ball") {
    const ball = box(Math.max(0, s.x - s.r), s.y - s.r, Math.min(WIDTH, s.x + s.r), s.y + s.r);
    const visible = ball[2] > ball[0];
    return [
      ...(visible ? [{ label: "orange ball", colour: "orange", box: ball }] : []),
      { label: "checkered floor", colour: "beige", box: box(0, HEIGHT * 0.45, WIDTH, HEIGHT) },
    ];
  }
  return [
    { label: "road", colour: "dark grey", box: box(0, HEIGHT * 0.5, WIDTH, HEIGHT - 28) },
    { label: "lane markings", colour: "white", box: box(WIDTH / 2 - 12, HEIGHT * 0.5, WIDTH / 2 + 12, HEIGHT - 28) },
    { label: "trees", colour: "green", box: box(0, HEIGHT * 0.2, WIDTH, HEIGHT - 28) },
  ];
}

const ARM_EVENTS = [
  [0, 0.25, "The arm reaches down to the red cube on the table"],
  [0.25, 0.35, "The gripper closes around the red cube"],
  [0.35, 0.8, "The arm lifts the cube and carries it in an arc to the right"],
  [0.8, 0.85, "The gripper opens and the cube rests on the blue mat"],
  [0.85, 1, "The arm rises back to its starting pose"],
];

/** What happens when, in seconds from the start of the clip. */
export function sceneEvents(name, take) {
  if (name === "robot-arm") return ARM_EVENTS.map(([a, b, caption]) => ({ start: a * SECONDS, end: b * SECONDS, caption }));
  if (name === "rolling-ball") {
    const { direction } = BALL_TAKES[take];
    const from = direction > 0 ? "left" : "right";
    const to = direction > 0 ? "right" : "left";
    return [
      { start: 0, end: 1, caption: `An orange ball rolls in from the ${from} and bounces on the floor` },
      { start: 1, end: 2, caption: "It bounces again, lower" },
      { start: 2, end: 2.68, caption: "It rolls on, its bounces dying out" },
      { start: 2.68, end: SECONDS, caption: `It rolls out of view on the ${to}` },
    ];
  }
  const { speed } = DRIVE_TAKES[take];
  const passes = [];
  // A pair of roadside trees passes the camera each time the travel crosses a whole unit.
  for (let k = 1; k < 6 * speed; k += 1) passes.push(k / (6 * speed));
  return [
    { start: 0, end: SECONDS, caption: "The car drives straight ahead along a country road" },
    ...passes.map((t) => ({ start: t * SECONDS, end: Math.min(SECONDS, t * SECONDS + 0.2), caption: "A pair of roadside trees passes" })),
  ];
}

/** The files the script writes and the simulator recognises, each with the scene, take and moment it shows. */
export function sampleFiles() {
  const files = [];
  for (const scene of SCENES) {
    for (let take = 0; take < scene.takes; take += 1) {
      const suffix = take === 0 ? "" : `-${take + 1}`;
      files.push({ file: `world-${scene.name}${suffix}.mp4`, scene: scene.name, take, kind: "clip" });
      files.push({ file: `sound-${scene.name}${suffix}.mp4`, scene: scene.name, take, kind: "sound" });
    }
    files.push({ file: `${scene.name}.png`, scene: scene.name, take: 0, kind: "still", t: scene.name === "rolling-ball" ? 0.5 : 0 });
  }
  return files;
}

export const CLIP_LABEL = "SIMULATED · stock clip, not generated";
export const STILL_LABEL = "SAMPLE · made by the playground";
