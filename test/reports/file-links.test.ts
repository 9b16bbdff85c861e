/**
 * `FileLinks`: the signed links of a multi-file read (report files, export files) are renewed
 * at most once for the whole read, and a renewal serves the files still to come.
 */
import { describe, expect, it, vi } from "vitest";
import { FileLinks } from "../../src/internal/reports/download.js";

describe("FileLinks", () => {
  it("renews once for the whole read; later files use the fresh links", async () => {
    const renew = vi.fn(async () => ["https://h/a2", "https://h/b2", "https://h/c2"]);
    const links = new FileLinks(["https://h/a", "https://h/b"], renew);
    expect(links.at(1)).toBe("https://h/b");
    await expect(links.refresher(1)()).resolves.toBe("https://h/b2");
    expect(links.at(0)).toBe("https://h/a2");
    expect(links.length).toBe(3);
    await expect(links.refresher(2)()).resolves.toBeNull();
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it("gives null when the renewal finds nothing or there is no way to renew", async () => {
    const gone = new FileLinks(["https://h/a"], async () => null);
    await expect(gone.refresher(0)()).resolves.toBeNull();
    expect(gone.at(0)).toBe("https://h/a");
    await expect(new FileLinks(["https://h/a"], undefined).refresher(0)()).resolves.toBeNull();
  });
});
