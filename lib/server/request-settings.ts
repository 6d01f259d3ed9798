import "server-only";

import { checkLockoutSettings } from "@/lib/server/auth-lockout";
import { parseTrustProxy, type Env } from "@/lib/server/client-address";
import { parseAllowedHosts } from "@/lib/server/request-origin";
import { checkRateSettings } from "@/lib/server/route-limits";

/** Reads every setting about requests once, so a bad value stops the server at start, naming it. */
export function checkRequestSettings(env: Env = process.env): void {
  parseTrustProxy(env.PLAYGROUND_TRUST_PROXY);
  parseAllowedHosts(env.PLAYGROUND_ALLOWED_HOSTS);
  checkRateSettings(env);
  checkLockoutSettings(env);
}
