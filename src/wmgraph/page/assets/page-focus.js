/* wmgraph's page: focus on one entity, the entities within some degrees of it (breadth first over its
   lines) and which lines join two of them. No DOM: the page script fades what is outside. */
var wmgraphFocus = (function () {
  "use strict";
  var MAX_DEGREE = 9;

  // The keys within `degree` steps of `key`; `linesOf` maps a key to its lines ({from, to}).
  function within(linesOf, key, degree) {
    var reached = new Set([key]);
    var edge = [key];
    for (var step = 0; step < degree && edge.length; step++) {
      var next = [];
      edge.forEach(function (here) {
        (linesOf.get(here) || []).forEach(function (line) {
          var other = line.from === here ? line.to : line.from;
          if (!reached.has(other)) { reached.add(other); next.push(other); }
        });
      });
      edge = next;
    }
    return reached;
  }

  // Whether a line lies inside the focus: both its ends are reached.
  function lineInside(reached, line) { return reached.has(line.from) && reached.has(line.to); }

  // The degree after a `+` (step 1) or `-` (step -1): from 0 (no focus) up to MAX_DEGREE.
  function step(degree, by) { return Math.max(0, Math.min(MAX_DEGREE, degree + by)); }

  return { within: within, lineInside: lineInside, step: step, MAX_DEGREE: MAX_DEGREE };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphFocus; }
