// The page's days, months and fact states (src/wmgraph/page/assets/page-dates.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const dates = require("../../src/wmgraph/page/assets/page-dates.js");

test("days are shown as people write them", () => {
  assert.equal(dates.showDay("2024-05-31"), "31 May 2024");
  assert.equal(dates.showDay("2023-01-01"), "1 Jan 2023");
  assert.equal(dates.showDay("1999-12-09"), "9 Dec 1999");
});

test("only ISO days are days", () => {
  assert.equal(dates.isDay("2024-06-01"), true);
  for (const text of ["2024-6-1", "2024-06", "2024-06-01x", " 2024-06-01", "", null, undefined, 20240601]) {
    assert.equal(dates.isDay(text), false, String(text));
  }
});

test("month arithmetic goes across years", () => {
  assert.equal(dates.monthIndex("2024-01-15") - dates.monthIndex("2023-12-31"), 1);
  assert.equal(dates.monthIndex("2025-06-01") - dates.monthIndex("2023-10-19"), 20);
  assert.equal(dates.monthDay(dates.monthIndex("2023-10-19")), "2023-10-01");
  assert.equal(dates.monthDay(dates.monthIndex("2023-12-31") + 1), "2024-01-01");
  assert.equal(dates.monthDay(dates.monthIndex("2024-01-31") - 1), "2023-12-01");
  for (let index = dates.monthIndex("2019-01-01"); index < dates.monthIndex("2021-01-01"); index++) {
    assert.equal(dates.monthIndex(dates.monthDay(index)), index);
  }
});

test("day numbers count days, leap days too", () => {
  assert.equal(dates.dayNumber("1970-01-01"), 0);
  assert.equal(dates.dayNumber("2024-03-01") - dates.dayNumber("2024-02-28"), 2);
  assert.equal(dates.dayNumber("2023-03-01") - dates.dayNumber("2023-02-28"), 1);
  assert.equal(dates.dayNumber("2025-01-01") - dates.dayNumber("2024-01-01"), 366);
});

const term = { from: "2017-05-01", to: "2024-05-31", rep: false };
const reported = { from: "2025-06-01", to: null, rep: true };
const undated = { from: null, to: null, rep: false };

test("a fact's state on a day", () => {
  assert.equal(dates.factState(term, null), "valid");
  assert.equal(dates.factState(term, "2017-05-01"), "valid");  // the first day and the last are in
  assert.equal(dates.factState(term, "2024-05-31"), "valid");
  assert.equal(dates.factState(term, "2024-06-01"), "ended");
  assert.equal(dates.factState(term, "2017-04-30"), "future");
  assert.equal(dates.factState(reported, "2025-05-31"), "unreported");
  assert.equal(dates.factState(reported, "2030-01-01"), "valid");  // stated as of a date: goes on holding
  assert.equal(dates.factState(undated, "1900-01-01"), "valid");
});

test("an edge of several facts takes the best state", () => {
  assert.equal(dates.bestState([term, reported], "2024-06-01"), "unreported");
  assert.equal(dates.bestState([term, reported], "2024-01-01"), "valid");
  assert.equal(dates.bestState([term], "2024-06-01"), "ended");
  assert.equal(dates.bestState([{ from: "2030-01-01", to: null, rep: false }, term], "2025-01-01"), "future");
  assert.equal(dates.bestState([term], null), "valid");
});

test("the panel's words for a fact not valid on the day", () => {
  assert.equal(dates.stateText(term, "ended", "2025-07-01"), "Ended before 1 Jul 2025 (last day 31 May 2024)");
  assert.equal(dates.stateText(term, "future", "2016-01-01"), "Not yet begun on 1 Jan 2016 (begins 1 May 2017)");
  assert.equal(dates.stateText(reported, "unreported", "2023-06-01"),
               "Not yet reported on 1 Jun 2023 (first reported on 1 Jun 2025)");
});
