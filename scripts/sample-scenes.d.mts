export type SceneName = "robot-arm" | "rolling-ball" | "driving";

export declare const WIDTH: number;
export declare const HEIGHT: number;
export declare const FPS: number;
export declare const SECONDS: number;
export declare const FRAMES: number;
export declare const SCENES: readonly { name: SceneName; takes: number }[];
export declare const CLIP_LABEL: string;
export declare const STILL_LABEL: string;

export interface XY {
  x: number;
  y: number;
}
export type SceneState =
  | { kind: "robot-arm"; t: number; base: XY; elbow: XY; hand: XY; cube: XY; place: XY; rest: number; gripping: boolean; open: number }
  | { kind: "rolling-ball"; t: number; x: number; y: number; r: number; floor: number }
  | { kind: "driving"; t: number; travel: number };

export interface SceneObject {
  label: string;
  colour: string;
  /** [x1, y1, x2, y2] in pixels of the 640×360 frame. */
  box: [number, number, number, number];
}

export interface SceneEvent {
  start: number;
  end: number;
  caption: string;
}

export interface SampleFile {
  file: string;
  scene: SceneName;
  take: number;
  kind: "clip" | "sound" | "still";
  /** Stills: the moment of the scene they show, as a fraction of the clip. */
  t?: number;
}

export declare function sceneState(name: SceneName, take: number, t: number): SceneState;
export declare function sceneObjects(name: SceneName, take: number, t: number): SceneObject[];
export declare function sceneEvents(name: SceneName, take: number): SceneEvent[];
export declare function sampleFiles(): SampleFile[];
