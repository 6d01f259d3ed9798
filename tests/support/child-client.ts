import { execFile } from "node:child_process";

// Reads one /api/chat turn in a child process, so the memory the test measures in its own process
// is the server's and the upstream's only, not the client's copies of a huge answer.

const CLIENT = `
const [url, body] = process.argv.slice(1);
const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body });
const lengths = { types: [], streamed: 0, final: -1 };
let pending = [];
const onLine = (line) => {
  if (!line.startsWith("data: ")) return;
  const event = JSON.parse(line.slice(6));
  lengths.types.push(event.type);
  if (event.type === "answer") lengths.streamed += event.text.length;
  if (event.type === "done") lengths.final = event.answer.length;
};
for await (const chunk of response.body) {
  let start = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, start)) {
    pending.push(chunk.subarray(start, at));
    onLine(Buffer.concat(pending).toString("utf8"));
    pending = [];
    start = at + 1;
  }
  if (start < chunk.length) pending.push(chunk.subarray(start));
}
process.stdout.write(JSON.stringify(lengths));
`;

export interface AnswerLengths {
  /** The event types, in order. */
  types: string[];
  /** Total length of the `answer` deltas. */
  streamed: number;
  /** Length of `done.answer`, or -1 when there was no done. */
  final: number;
}

export function chatInChildProcess(url: string, body: unknown): Promise<AnswerLengths> {
  return new Promise((resolve, reject) => {
    const args = ["--input-type=module", "-e", CLIENT, url, JSON.stringify(body)];
    execFile(process.execPath, args, { maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the child client failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as AnswerLengths);
    });
  });
}
