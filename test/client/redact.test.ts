import { describe, expect, it } from "vitest";
import { redactDeep, redactHeaders, redactText, redactUrl } from "../../src/internal/redact.js";

describe("redaction", () => {
  it("masks GitHub token shapes and bearer credentials but keeps prose readable", () => {
    expect(redactText("Bad credentials ghp_0123456789abcdefghijABCDEFGHIJ012345")).toBe(
      "Bad credentials [REDACTED]",
    );
    expect(redactText("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")).toBe(
      "[REDACTED]",
    );
    expect(redactText("Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345")).toBe(
      "Authorization: Bearer [REDACTED]",
    );
    expect(
      redactText(
        "Resource not accessible by personal access token (hint: The token lacks a permission)",
      ),
    ).toBe("Resource not accessible by personal access token (hint: The token lacks a permission)");
    expect(redactText("custom s3cr3t-value here", { secrets: ["s3cr3t-value"] })).toBe(
      "custom [REDACTED] here",
    );
  });

  it("drops a download host's whole query and masks credential parameters on the API origin", () => {
    const api = "https://api.github.com";
    expect(redactUrl("https://reports.example/file.json?sig=abc&se=2026", api)).toBe(
      "https://reports.example/file.json?[REDACTED]",
    );
    expect(
      redactUrl(`${api}/orgs/o/copilot/billing/seats?per_page=100&access_token=xyz`, api),
    ).toBe(`${api}/orgs/o/copilot/billing/seats?per_page=100&access_token=[REDACTED]`);
    expect(redactUrl("https://user:pass@api.github.com/x")).toBe("https://api.github.com/x");
    // Rendering twice (a redirect's Location redacted, then the error's headers) changes nothing.
    const once = redactUrl("https://reports.example/file.json?sig=abc", api);
    expect(redactUrl(once)).toBe(once);
    expect(redactHeaders({ location: once }).location).toBe(once);
  });

  it("masks credential headers and every string of a JSON body", () => {
    expect(
      redactHeaders(new Headers({ authorization: "Bearer x", "x-github-request-id": "A:B" })),
    ).toEqual({
      authorization: "[REDACTED]",
      "x-github-request-id": "A:B",
    });
    const body = JSON.parse(
      '{"message":"ghp_0123456789abcdefghijABCDEFGHIJ012345","__proto__":{"x":1},"errors":[{"value":"ok"}]}',
    );
    const out = redactDeep(body) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toContain("ghp_");
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("redaction of URL headers", () => {
  it("drops the whole query of a Location header on another origin, keeps the API's", () => {
    const api = "https://api.github.com";
    const out = redactHeaders(
      {
        location: "https://reports.example/f.json?X-Amz-Signature=abc&X-Amz-Credential=def&part=1",
        "content-location": `${api}/orgs/o/copilot/billing/seats?per_page=100&page=2`,
      },
      { apiOrigin: api },
    );
    expect(out.location).toBe("https://reports.example/f.json?[REDACTED]");
    expect(out["content-location"]).toBe(`${api}/orgs/o/copilot/billing/seats?per_page=100&page=2`);
  });

  it("cuts URLs' queries and exact secrets out of free text (an echoed signature)", () => {
    const text =
      "<Error><SignatureProvided>0123456789abcdef</SignatureProvided><URL>https://bucket.example/r.json?X-Amz-Signature=0123456789abcdef&part=1</URL></Error>";
    const out = redactText(text, {
      apiOrigin: "https://api.github.com",
      secrets: ["0123456789abcdef"],
    });
    expect(out).not.toContain("0123456789abcdef");
    expect(out).not.toContain("part=1");
    expect(out).toContain("https://bucket.example/r.json?[REDACTED]");
  });
});
