/** Seconds as the `mm:ss.ff` the temporal prompts ask for. */
export function formatTimestamp(seconds: number): string {
  const hundredths = Math.max(0, Math.round(seconds * 100));
  const minutes = Math.floor(hundredths / 6000);
  const secs = Math.floor((hundredths % 6000) / 100);
  const two = (value: number): string => String(value).padStart(2, "0");
  return `${two(minutes)}:${two(secs)}.${two(hundredths % 100)}`;
}
