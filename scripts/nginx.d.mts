// Types for scripts/nginx.mjs, which the browser tests import.
export declare const SERVER_ACTION_LIMIT: { ratePerSecond: number; burst: number };
export declare function nginxConf(options: { port: string | number; instancePorts: readonly (string | number)[]; workDir: string }): string;
export declare function ensureNginx(): string;
