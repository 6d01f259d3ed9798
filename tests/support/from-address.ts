import { Agent } from "undici";

// Requests from another loopback address (127.0.0.2, 127.0.0.3, …): to the server, another client.

export function fetchFrom(localAddress: string): typeof fetch {
  const dispatcher = new Agent({ localAddress });
  return ((input: RequestInfo | URL, init: RequestInit = {}) => fetch(input, { ...init, dispatcher } as RequestInit)) as typeof fetch;
}
