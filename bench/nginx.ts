// nginx as the plain streaming reverse proxy a user would otherwise put in front of a NIM: the baseline.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { ensurePortFree, waitForPort } from "./processes";

const NGINX = "/usr/sbin/nginx";

/** Installs Debian's nginx when it is missing, as `npm test` does for Chromium. */
export function ensureNginx(): void {
  if (existsSync(NGINX)) return;
  console.log("== Installing Debian's nginx for the reverse-proxy baseline");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args: string[]) =>
    spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  run(["apt-get", "update", "-qq"]);
  const result = run(["apt-get", "install", "-y", "-qq", "nginx"]);
  if (result.status !== 0 || !existsSync(NGINX))
    throw new Error("Installing nginx failed; install it (apt-get install nginx) and run the benchmark again.");
}

function configFor(dir: string, port: number, upstreamPort: number): string {
  // One worker, like the one Node process of the playground; no buffering, keep-alive to the upstream.
  return `worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream nim { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://nim;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 600s;
    }
  }
}
`;
}

export interface Nginx {
  url: string;
  stop: () => void;
}

export async function startNginx(dir: string, port: number, upstreamPort: number): Promise<Nginx> {
  ensureNginx();
  await ensurePortFree(port, "nginx");
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, configFor(dir, port, upstreamPort));
  const child: ChildProcess = spawn(NGINX, ["-c", conf, "-p", dir, "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
  };
  process.on("exit", stop);
  await waitForPort(port, child, "nginx");
  return { url: `http://127.0.0.1:${port}`, stop };
}
