// The site's date is Japan's (Asia/Tokyo): a build at 07:00 in Japan is already that day there.
import { describe, expect, it } from "vitest";
import { addDays, dateInJapan, daysBetween } from "../../scripts/lib/dates.ts";

describe("the date in Japan", () => {
  it("turns over at midnight in Japan, not in UTC", () => {
    expect(dateInJapan(new Date("2026-12-06T14:59:00Z"))).toBe("2026-12-06"); // 23:59 JST
    expect(dateInJapan(new Date("2026-12-06T15:01:00Z"))).toBe("2026-12-07"); // 00:01 JST
    expect(dateInJapan(new Date("2026-12-06T22:00:00Z"))).toBe("2026-12-07"); // 07:00 JST, still the 6th in UTC
    expect(dateInJapan(new Date("2027-12-31T15:00:00Z"))).toBe("2028-01-01");
  });

  it("counts whole days across months and leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysBetween("2026-12-01", "2027-01-01")).toBe(31);
    expect(daysBetween("2027-01-01", "2026-12-01")).toBe(-31);
  });
});
