import "server-only";

import { keyRedactor } from "@/lib/backends/server/redact";
import type { ChatEvent } from "@/lib/chat/events";
import type { AssembledToolCall } from "@/lib/chat/tool-call-assembler";

// Every chat event carrying the model server's text goes out without the configured keys. Deltas
// pass through a streaming redactor per channel (a key split across chunks is still caught); any
// other event first releases what the channels held back, then goes out redacted whole.

type Send = (event: ChatEvent) => void;

export function redactingSend(send: Send): Send {
  const channels = { reasoning: keyRedactor(), answer: keyRedactor() };
  const whole = keyRedactor();
  const call = (c: AssembledToolCall): AssembledToolCall => ({
    ...c,
    id: whole.redact(c.id),
    name: whole.redact(c.name),
    arguments: whole.redact(c.arguments),
    ...(c.malformed === undefined ? {} : { malformed: whole.redact(c.malformed) }),
  });
  const release = () => {
    for (const type of ["reasoning", "answer"] as const) {
      const held = channels[type].flush();
      if (held) send({ type, text: held });
    }
  };
  return (event) => {
    switch (event.type) {
      case "reasoning":
      case "answer": {
        const text = channels[event.type].push(event.text);
        if (text) send({ type: event.type, text });
        return;
      }
      case "start":
        return send({ ...event, model: whole.redact(event.model) });
      case "notice":
      case "usage":
        return send(event);
      case "tool_call":
        release();
        return send({ type: "tool_call", ...call(event) });
      case "done":
        release();
        return send({
          ...event,
          reasoning: whole.redact(event.reasoning),
          answer: whole.redact(event.answer),
          ...(event.toolCalls ? { toolCalls: event.toolCalls.map(call) } : {}),
        });
      case "error":
        release();
        return send({ ...event, message: whole.redact(event.message) });
    }
  };
}
