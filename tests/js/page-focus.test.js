// Focus on an entity's neighbourhood (src/wmgraph/page/assets/page-focus.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const focus = require("../../src/wmgraph/page/assets/page-focus.js");

// a - b - c - d, b - e, f alone, and a loop on c.
function linesOf(pairs, keys) {
  const map = new Map(keys.map((k) => [k, []]));
  pairs.forEach(([from, to]) => { const line = { from, to }; map.get(from).push(line); if (to !== from) { map.get(to).push(line); } });
  return map;
}
const graph = linesOf([["a", "b"], ["b", "c"], ["c", "d"], ["e", "b"], ["c", "c"]], ["a", "b", "c", "d", "e", "f"]);

test("the entities within each degree, whichever way the lines point", () => {
  assert.deepEqual([...focus.within(graph, "a", 0)], ["a"]);
  assert.deepEqual([...focus.within(graph, "a", 1)].sort(), ["a", "b"]);
  assert.deepEqual([...focus.within(graph, "a", 2)].sort(), ["a", "b", "c", "e"]);
  assert.deepEqual([...focus.within(graph, "a", 3)].sort(), ["a", "b", "c", "d", "e"]);
  assert.deepEqual([...focus.within(graph, "a", 9)].sort(), ["a", "b", "c", "d", "e"]);
  assert.deepEqual([...focus.within(graph, "f", 2)], ["f"]);
  assert.deepEqual([...focus.within(graph, "nobody", 2)], ["nobody"]);
});

test("a line is inside when both its ends are", () => {
  const reached = focus.within(graph, "a", 1);
  assert.equal(focus.lineInside(reached, { from: "a", to: "b" }), true);
  assert.equal(focus.lineInside(reached, { from: "b", to: "c" }), false);
});

test("the degree steps between none and the most", () => {
  assert.equal(focus.step(0, 1), 1);
  assert.equal(focus.step(2, -1), 1);
  assert.equal(focus.step(0, -1), 0);
  assert.equal(focus.step(focus.MAX_DEGREE, 1), focus.MAX_DEGREE);
});
