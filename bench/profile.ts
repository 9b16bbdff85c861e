/**
 * Reads a V8 `.cpuprofile` (`node --cpu-prof`) and summarizes where the time goes: self time
 * by function and by file, as Markdown tables. Self time of a node is the sum of the sample
 * intervals (`timeDeltas`) that landed in it.
 */
import { readFile } from "node:fs/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf("node_modules/");
  if (nm !== -1) return url.slice(nm + "node_modules/".length);
  const src = url.search(/\/(src|bench|generated)\//);
  if (src !== -1) return url.slice(src + 1);
  return url.replace(/^file:\/\//, "") || "(native)";
}

/** Top `count` functions and files by self time, in ms and percent of the profile. */
export async function topFunctions(file: string, count: number): Promise<string> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || "(anonymous)"} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(where, (files.get(where) ?? 0) + us);
  }
  const rows = (map: Map<string, number>, title: string) => {
    const lines = [`| ${title} | self ms | % |`, "|---|---:|---:|"];
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) {
      lines.push(
        `| ${name.replaceAll("|", "\\|")} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} |`,
      );
    }
    return lines.join("\n");
  };
  return `Profile total ${(total / 1000).toFixed(0)} ms.\n\n${rows(fns, "function")}\n\n${rows(files, "file")}`;
}
