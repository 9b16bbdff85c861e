/**
 * Spawned command-line processes for tests: `copilot-mock` and `copilot-admin` from the sources
 * (through tsx), on 127.0.0.1, each bounded by a timeout and killed after the test.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");

/** A running `copilot-mock`: its base URL and token, and `stop()`. */
export interface MockProcess {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts `copilot-mock` with `args` and waits (at most `timeoutMs`) for its base URL.
 * `nodeArgs` go before the script (e.g. an `--import` hook).
 */
export function startMockProcess(
  args: string[] = [],
  nodeArgs: string[] = [],
  timeoutMs = 30_000,
): Promise<MockProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "src/mock/cli.ts", ...args],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`copilot-mock did not start in ${timeoutMs} ms: ${out}${err}`));
    }, timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /base URL:\s+(\S+)/.exec(out)?.[1];
      const token = /token:\s+(\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url, token, stop });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`copilot-mock exited with ${code}: ${err}`));
    });
  });
}

/** What a finished command printed, and its exit code. */
export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (a path under the repository) with `args` to the end, at most `timeoutMs`. */
export function runScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), "--import", "tsx", script, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Node.js options that make `msw` unresolvable, as when it is not installed (see without-msw.mjs). */
export const WITHOUT_MSW = ["--import", "./test/support/without-msw.mjs"];
