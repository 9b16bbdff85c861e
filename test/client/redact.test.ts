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
    expect(redactText("custom s3cr3t-value here", ["s3cr3t-value"])).toBe("custom [REDACTED] here");
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
  it("masks signature parameters of a Location header", () => {
    const out = redactHeaders({
      location: "https://reports.example/f.json?X-Amz-Signature=abc&X-Amz-Credential=def&part=1",
    });
    expect(out.location).not.toContain("abc");
    expect(out.location).not.toContain("def");
    expect(out.location).toContain("part=1");
  });
});
