import dynamic from "next/dynamic";

// The drawing dialog (stage, layers, exports) loads on the first "Draw", not with the page.
export const DrawDialog = dynamic(() => import("@/components/annotations/draw-dialog").then((module) => module.DrawDialog), { ssr: false });
