import type { IncomingMessage, ServerResponse } from "node:http";

export declare const PEER_HEADER: string;
export declare const STAMPING_FLAG: unique symbol;
export declare function markPeerStamping(): void;
export declare function frontDoor(req: IncomingMessage, res: ServerResponse): boolean;
