import { findDomain } from "@/lib/backends/action-domains";

// Smooth, deterministic action curves of a domain's shape: the examples the Generate form offers per
// embodiment, and the simulator's policy and inverse-dynamics answers. Poses (AV, camera) move
// forward along z with a gentle sway and a near-identity 6D rotation, as NVIDIA's samples do.

/** mulberry32, so the same seed draws the same curves in the browser and on the server. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/** `steps` rows of `dim` values for a domain (by name; unknown names get generic joints). */
export function smoothActions(domainName: string, steps: number, dim: number, seed: number): number[][] {
  const next = random(seed);
  const pose = findDomain(domainName)?.columns?.[0] === "x";
  const waves = Array.from({ length: dim }, (_, column) => ({
    frequency: 0.25 + next() * 0.6,
    phase: next() * Math.PI * 2,
    amplitude: pose ? (column < 3 ? 0.004 + next() * 0.01 : 0.0005) : 0.15 + next() * 0.45,
    // rot6d of the identity is (1, 0, 0, 0, 1, 0); a forward step is along z.
    base: pose ? ([0, 0, 0.035, 1, 0, 0, 0, 1, 0][column] ?? 0) : (next() - 0.5) * 0.4,
  }));
  return Array.from({ length: steps }, (_, step) => {
    const t = steps > 1 ? step / (steps - 1) : 0;
    return waves.map(({ frequency, phase, amplitude, base }, column) => {
      // The last column of a 10-wide arm action is its gripper: it closes halfway through, smoothly.
      if (!pose && dim === 10 && column === 9) return round(1 / (1 + Math.exp(-(t - 0.5) * 14)));
      return round(base + amplitude * Math.sin(2 * Math.PI * frequency * t + phase));
    });
  });
}

/** The bundled example of a domain: its documented chunk of smooth actions. */
export function exampleActions(domainName: string): number[][] {
  const domain = findDomain(domainName);
  return domain ? smoothActions(domain.name, domain.chunk, domain.dim, domain.id * 7919) : [];
}
