export declare const root: string;
export declare function bin(name: string): string;
export declare function build(env: NodeJS.ProcessEnv, options?: { always?: boolean }): void;
export declare function startServer(options: {
  port: number | string;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}): Promise<{ url: string; pid: number | undefined; stop(): void }>;
