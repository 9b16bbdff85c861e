/** Page-number paging (`has_next_page`): the next URL, and when there is none. */
import { describe, expect, it } from "vitest";
import { pageNumberLinks } from "../../src/internal/operations/page-number.js";

const URL_1 = "https://api.github.com/enterprises/e/settings/billing/budgets?per_page=2";

describe("pageNumberLinks", () => {
  it("asks the next page number while has_next_page is true", () => {
    expect(pageNumberLinks(URL_1, { has_next_page: true }, "has_next_page", 2)).toEqual({
      next: `${URL_1}&page=2`,
    });
    const third = pageNumberLinks(`${URL_1}&page=2`, { has_next_page: true }, "has_next_page", 2);
    expect(new URL(third.next!).searchParams.get("page")).toBe("3");
  });

  it("stops on has_next_page false or absent, and on an empty page that claims more", () => {
    expect(pageNumberLinks(URL_1, { has_next_page: false }, "has_next_page", 2)).toEqual({});
    expect(pageNumberLinks(URL_1, {}, "has_next_page", 2)).toEqual({});
    expect(pageNumberLinks(URL_1, { has_next_page: "yes" }, "has_next_page", 2)).toEqual({});
    expect(pageNumberLinks(URL_1, { has_next_page: true }, "has_next_page", 0)).toEqual({});
  });
});
