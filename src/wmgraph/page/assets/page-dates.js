/* wmgraph's page: days and months as the page shows and compares them, and the state of a fact on
   a day. Days are ISO strings ("2024-05-31"), compared as strings; no DOM. */
var wmgraphDates = (function () {
  "use strict";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  // The states of a fact on a day, best first: an edge drawn for several facts takes the best.
  var STATES = ["valid", "unreported", "future", "ended"];

  function isDay(text) { return typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text); }
  // "2024-05-31" as people write it: "31 May 2024".
  function showDay(day) {
    var p = day.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }
  // Months counted from year 0, so that months apart is a subtraction.
  function monthIndex(day) { var p = day.split("-"); return Number(p[0]) * 12 + Number(p[1]) - 1; }
  // The first day of the month `index` counts.
  function monthDay(index) {
    var month = String(index % 12 + 1);
    return Math.floor(index / 12) + "-" + (month.length < 2 ? "0" + month : month) + "-01";
  }
  // Days since 1 January 1970 (UTC), for placing days on a time axis.
  function dayNumber(day) {
    return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 864e5;
  }
  // A fact's state on `day` (null: no date chosen). `fact.from` and `fact.to` are its first and last days,
  // `fact.rep` tells that its first day is only the day a source reported it.
  function factState(fact, day) {
    if (day === null) { return "valid"; }
    if (fact.to && fact.to < day) { return "ended"; }
    if (fact.from && day < fact.from) { return fact.rep ? "unreported" : "future"; }
    return "valid";
  }
  // The best state of several facts on `day` (an edge stands for all its facts).
  function bestState(facts, day) {
    if (day === null) { return "valid"; }
    var best = STATES.length - 1;
    facts.forEach(function (fact) { best = Math.min(best, STATES.indexOf(factState(fact, day))); });
    return STATES[best];
  }
  // The panel's words for a fact not valid on `day`.
  function stateText(fact, state, day) {
    var shown = showDay(day);
    if (state === "ended") { return "Ended before " + shown + " (last day " + showDay(fact.to) + ")"; }
    if (state === "future") { return "Not yet begun on " + shown + " (begins " + showDay(fact.from) + ")"; }
    return "Not yet reported on " + shown + " (first reported on " + showDay(fact.from) + ")";
  }
  return { isDay: isDay, showDay: showDay, monthIndex: monthIndex, monthDay: monthDay, dayNumber: dayNumber,
           factState: factState, bestState: bestState, stateText: stateText };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphDates; }
