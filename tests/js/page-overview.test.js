// A big graph's overview (src/wmgraph/page/assets/page-overview.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const overview = require("../../src/wmgraph/page/assets/page-overview.js");

test("the scale that fits the drawing in the view, with a margin", () => {
  const nodes = [{ x: -100, y: 0 }, { x: 100, y: 50 }, { x: 0, y: -50 }];
  assert.equal(overview.fitScale(nodes, 800, 600), 3.6);  // 200 wide into 800: 4, less a tenth
  assert.equal(overview.fitScale(nodes, 400, 50), 0.45);  // 100 high into 50
  assert.equal(overview.fitScale([{ x: 5, y: 5 }], 10, 10), 9);  // one node: a drawing of 1 by 1
});

test("the view that shows every node and its label whole", () => {
  // Two discs of radius 10, 180 apart; labels of 10 characters at font 20 reach 54 either side, 24 below.
  const items = [{ x: -90, y: 0, size: 10, fontSize: 20, label: "ABCDEFGHIJ" },
                 { x: 90, y: 0, size: 10, fontSize: 20, label: "ABCDEFGHIJ" }];
  const view = overview.fitView(items, 100, 100);
  assert.equal(view.x, 0);
  assert.ok(Math.abs(view.y - 12) < 1e-9);  // 10 above, 10 + 24 below
  assert.ok(Math.abs(view.scale - 100 / 288 / 1.1) < 1e-9);  // 2 x 54 wider than the centres' 180
  assert.equal(overview.fitView(items, 1e6, 1e6).scale, 1);  // never closer than 1
  const tall = overview.fitView([{ x: 0, y: 0, size: 5, fontSize: 10, label: "A\nB" }], 100, 100);
  assert.ok(Math.abs(tall.y - (29 - 5) / 2) < 1e-9);  // two lines under the node
});

test("discs grow with the square root of their share of the largest", () => {
  assert.equal(overview.discRadius({ size: 100 }, 100, 1), 27);
  assert.equal(overview.discRadius({ size: 25 }, 100, 1), 16);
  assert.equal(overview.discRadius({ size: 25 }, 100, 0.5), 32);  // the same size on screen zoomed out
});

function overlapping(groups, radius) {
  const pairs = [];
  groups.forEach((a, i) => groups.slice(i + 1).forEach((b) => {
    if (Math.hypot(b.x - a.x, b.y - a.y) < radius(a) + radius(b)) { pairs.push([a.index, b.index]); }
  }));
  return pairs;
}

test("discs are pushed apart until none overlaps another", () => {
  const groups = [{ index: 0, size: 90, x: 0, y: 0 }, { index: 1, size: 10, x: 1, y: 0 }, { index: 2, size: 10, x: 0, y: 0 },
                  { index: 3, size: 40, x: 500, y: 500 }];
  const radius = (g) => 5 + Math.sqrt(g.size);
  assert.deepEqual(overlapping(groups, radius), [[0, 1], [0, 2], [1, 2]]);
  overview.spreadDiscs(groups, radius);
  assert.deepEqual(overlapping(groups, radius), []);
  assert.deepEqual([groups[3].x, groups[3].y], [500, 500]);  // far from the rest: not moved
  // The smaller disc moves more: the big one stays near where its members are.
  assert.ok(Math.hypot(groups[0].x, groups[0].y) < Math.hypot(groups[1].x - 1, groups[1].y));
});

test("each community's three strongest links, at most the limit, strongest kept", () => {
  const links = new Map([["0-1", 9], ["0-2", 8], ["0-3", 7], ["0-4", 6], ["1-2", 1], ["3-4", 2], ["5-6", 1]]);
  // 0-4 is not among 0's three strongest, but is among 4's (its only two links).
  assert.deepEqual(overview.strongLinks(links, 100), ["0-1", "0-2", "0-3", "0-4", "1-2", "3-4", "5-6"]);
  const many = new Map([["0-1", 5], ["0-2", 5], ["0-3", 5], ["0-4", 5], ["0-5", 5]]);
  // Ties go to the smaller pair: 0 keeps 0-1, 0-2, 0-3; 4 and 5 keep theirs.
  assert.deepEqual(overview.strongLinks(many, 100), ["0-1", "0-2", "0-3", "0-4", "0-5"]);
  assert.deepEqual(overview.strongLinks(links, 3), ["0-1", "0-2", "0-3"]);
  const weak = new Map([["0-1", 9], ["0-2", 8], ["0-3", 7], ["0-4", 1], ["4-5", 5], ["4-6", 5], ["4-7", 5]]);
  // 0-4 is the weakest of both its ends: not drawn.
  assert.deepEqual(overview.strongLinks(weak, 100), ["0-1", "0-2", "0-3", "4-5", "4-6", "4-7"]);
  assert.deepEqual(overview.strongLinks(new Map(), 10), []);
});
