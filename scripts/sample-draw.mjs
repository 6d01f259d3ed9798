// Draws one frame of a sample scene on the page's canvas from its state (scripts/sample-scenes.mjs
// computes every position). Serialised into the page by scripts/make-sample-clips.mjs, so it must
// stay self-contained: no imports, no outer variables.
export function drawScene(s, label) {
  const ctx = document.getElementById("c").getContext("2d");
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  const grad = (y0, y1, stops) => {
    const g = ctx.createLinearGradient(0, y0, 0, y1);
    stops.forEach(([at, colour]) => g.addColorStop(at, colour));
    return g;
  };

  if (s.kind === "robot-arm") {
    ctx.fillStyle = grad(0, H, [
      [0, "#dfe7ee"],
      [0.62, "#b9c6d2"],
      [0.62, "#6d5a48"],
      [1, "#4a3b2e"],
    ]);
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = "rgba(255,255,255,0.35)";
    for (let k = 0; k < 4; k++) ctx.fillRect(60 + k * 150, 40, 90, 120);
    const { base, elbow, hand, cube, place, rest, open } = s;
    ctx.fillStyle = "#2f6fb3";
    ctx.fillRect(place.x - 40, rest + 30, 80, 8);
    ctx.fillStyle = "rgba(0,0,0,0.22)";
    ctx.beginPath();
    ctx.ellipse(cube.x, rest + 32, 22, 5, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = "#c8372d";
    ctx.fillRect(cube.x - 16, cube.y, 32, 30);
    ctx.fillStyle = "#e0584c";
    ctx.fillRect(cube.x - 16, cube.y, 32, 6);
    ctx.fillStyle = "#555";
    ctx.fillRect(base.x - 40, base.y - 4, 80, 26);
    ctx.lineCap = "round";
    ctx.strokeStyle = "#f2b705";
    for (const [from, to, width] of [
      [base, elbow, 22],
      [elbow, hand, 16],
    ]) {
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
    ctx.fillStyle = "#333";
    for (const joint of [base, elbow, hand]) {
      ctx.beginPath();
      ctx.arc(joint.x, joint.y, 11, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = "#444";
    ctx.fillRect(hand.x - 4, hand.y, 8, 14);
    ctx.fillRect(hand.x - open - 3, hand.y + 12, 2 * open + 6, 6);
    ctx.fillRect(hand.x - open - 3, hand.y + 12, 6, 34);
    ctx.fillRect(hand.x + open - 3, hand.y + 12, 6, 34);
  } else if (s.kind === "rolling-ball") {
    ctx.fillStyle = grad(0, H, [
      [0, "#7fb2e5"],
      [0.45, "#d7e9f7"],
      [0.45, "#c9c2b4"],
      [1, "#c9c2b4"],
    ]);
    ctx.fillRect(0, 0, W, H);
    // A checkered floor in one-point perspective.
    const horizon = H * 0.45;
    for (let row = 0; row < 40; row++) {
      const z0 = 1 + row * 0.6;
      const z1 = z0 + 0.6;
      const y0 = horizon + (H - horizon) / z1;
      const y1 = horizon + (H - horizon) / z0;
      for (let col = -8; col < 8; col++) {
        const x = (c, z) => W / 2 + (c * 90) / z;
        ctx.fillStyle = (row + col) % 2 === 0 ? "#e8e2d6" : "#a89f8f";
        ctx.beginPath();
        ctx.moveTo(x(col, z1), y0);
        ctx.lineTo(x(col + 1, z1), y0);
        ctx.lineTo(x(col + 1, z0), y1);
        ctx.lineTo(x(col, z0), y1);
        ctx.fill();
      }
    }
    const { r, x: bx, y: by } = s;
    ctx.fillStyle = "rgba(0,0,0,0.28)";
    ctx.beginPath();
    ctx.ellipse(bx, H - 34, r * (1.1 - (H - 70 - by) / 200), 9, 0, 0, Math.PI * 2);
    ctx.fill();
    const ball = ctx.createRadialGradient(bx - 12, by - 14, 4, bx, by, r);
    ball.addColorStop(0, "#ffd3a3");
    ball.addColorStop(1, "#d2561b");
    ctx.fillStyle = ball;
    ctx.beginPath();
    ctx.arc(bx, by, r, 0, Math.PI * 2);
    ctx.fill();
    const spin = (bx + r) / r;
    ctx.strokeStyle = "rgba(255,255,255,0.85)";
    ctx.lineWidth = 5;
    ctx.beginPath();
    ctx.arc(bx, by, r * 0.7, spin, spin + Math.PI * 0.8);
    ctx.stroke();
  } else {
    ctx.fillStyle = grad(0, H * 0.5, [
      [0, "#5d7a99"],
      [1, "#c9d4dd"],
    ]);
    ctx.fillRect(0, 0, W, H * 0.5);
    ctx.fillStyle = "#6f8f5a";
    ctx.beginPath();
    ctx.moveTo(0, H * 0.5);
    for (let x = 0; x <= W; x += 40) ctx.lineTo(x, H * 0.5 - 18 - 14 * Math.sin(x / 90 + 1));
    ctx.lineTo(W, H * 0.5);
    ctx.fill();
    ctx.fillStyle = "#5b7a45";
    ctx.fillRect(0, H * 0.5, W, H * 0.5);
    const vx = W / 2;
    const vy = H * 0.5;
    ctx.fillStyle = "#4b4f55";
    ctx.beginPath();
    ctx.moveTo(vx - 8, vy);
    ctx.lineTo(vx + 8, vy);
    ctx.lineTo(W * 1.1, H);
    ctx.lineTo(-W * 0.1, H);
    ctx.fill();
    // Lane dashes and roadside posts stream towards the camera.
    const { travel } = s;
    for (let k = 0; k < 8; k++) {
      const z = ((((k - travel) % 8) + 8) % 8) + 0.35;
      const y = vy + (H - vy) / z;
      const y2 = vy + (H - vy) / (z + 0.35);
      const half = (w) => (w * (y - vy)) / (H - vy);
      ctx.fillStyle = "#f1f1e6";
      ctx.beginPath();
      ctx.moveTo(vx - half(6), y);
      ctx.lineTo(vx + half(6), y);
      ctx.lineTo(vx + half(6) * ((y2 - vy) / (y - vy)), y2);
      ctx.lineTo(vx - half(6) * ((y2 - vy) / (y - vy)), y2);
      ctx.fill();
      for (const side of [-1, 1]) {
        const px = vx + side * half(W * 0.75);
        ctx.fillStyle = "#2e3b26";
        ctx.fillRect(px - half(10), y - half(120), half(20), half(120));
        ctx.fillStyle = "#3f6b34";
        ctx.beginPath();
        ctx.arc(px, y - half(130), half(45), 0, Math.PI * 2);
        ctx.fill();
      }
    }
    ctx.fillStyle = "#1d1f22";
    ctx.fillRect(0, H - 28, W, 28);
  }
  // Every clip says what it is.
  ctx.fillStyle = "rgba(0,0,0,0.55)";
  ctx.font = "bold 13px sans-serif";
  ctx.fillRect(10, 10, ctx.measureText(label).width + 16, 24);
  ctx.fillStyle = "#fff";
  ctx.fillText(label, 18, 27);
}
