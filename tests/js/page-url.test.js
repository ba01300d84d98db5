// The view in the URL fragment (src/wmgraph/page/assets/page-url.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const url = require("../../src/wmgraph/page/assets/page-url.js");

const known = {
  types: new Set(["person", "company", "photo"]),
  relations: new Set(["spoke-at", "partners-with"]),
  entities: new Set(["techuk", "constructor", "andy-street"]),
  groups: 5,
};

test("a fragment's names and values, decoded", () => {
  const found = url.parseFragment("#e=techuk&types=photo,person&date=2024-06-01&bad=%E0%A4%A&=x&noequals&q=a%20b%3Dc");
  assert.deepEqual([...found], [["e", "techuk"], ["types", "photo,person"], ["date", "2024-06-01"], ["q", "a b=c"]]);
  assert.deepEqual([...url.parseFragment("")], []);
  assert.deepEqual([...url.parseFragment("e=x")], [["e", "x"]]);
});

test("names every object has are only names", () => {
  const found = url.parseFragment("#__proto__=x&constructor=y&toString=z&hasOwnProperty=w");
  assert.equal(found.get("__proto__"), "x");
  assert.equal(found.get("constructor"), "y");
  assert.equal(found.size, 4);
  const view = url.readView(url.parseFragment("#e=constructor&types=constructor,__proto__,toString,hasOwnProperty"), known);
  assert.equal(view.entity, "constructor");  // a real entity, so kept
  assert.deepEqual([...view.hiddenTypes], []);  // no such types
  assert.equal(url.readView(url.parseFragment("#e=toString"), known).entity, null);
  assert.equal(url.readView(url.parseFragment("#e=__proto__"), known).entity, null);
});

test("a view keeps only what the page has", () => {
  const view = url.readView(url.parseFragment(
    "#e=techuk&types=photo,nothing&rels=spoke-at,none&date=2024-06-01&mode=hide&open=0,3,9,x,-1,2.5&zoom=1.700&at=10,20&embed=graph"),
    known);
  assert.equal(view.entity, "techuk");
  assert.deepEqual([...view.hiddenTypes], ["photo"]);
  assert.deepEqual([...view.hiddenRelations], ["spoke-at"]);
  assert.equal(view.day, "2024-06-01");
  assert.equal(view.mode, "hide");
  assert.deepEqual([...view.open], [0, 3]);  // community 9 is past the last (4)
  assert.equal(view.zoom, 1.7);
  assert.deepEqual(view.at, [10, 20]);
  assert.equal(view.embed, "graph");
});

test("bad values are left out", () => {
  const view = url.readView(url.parseFragment("#e=nobody&date=2024-6-1&mode=odd&zoom=-2&at=1,2&embed=other"), known);
  assert.deepEqual(view, { hiddenTypes: new Set(), hiddenRelations: new Set(), day: null, mode: "fade", open: new Set(),
                           entity: null, focus: 0, zoom: null, at: null, embed: null });
  for (const fragment of ["#focus=0", "#focus=10", "#focus=-1", "#focus=x", "#focus=1.5"]) {
    assert.equal(url.readView(url.parseFragment(fragment), known).focus, 0, fragment);
  }
  for (const fragment of ["#zoom=2&at=1", "#zoom=2&at=1,x", "#zoom=x&at=1,2", "#zoom=Infinity&at=1,2", "#at=1,2"]) {
    assert.equal(url.readView(url.parseFragment(fragment), known).zoom, null, fragment);
  }
  assert.deepEqual([...url.readView(url.parseFragment("#open=1"), { ...known, groups: 0 }).open], []);
});

test("a merged entity's old id opens the entity it was merged into", () => {
  const merged = { ...known, formerly: new Map([["techuk-ltd", "techuk"], ["gone", "nobody"], ["constructor", "techuk"]]) };
  assert.equal(url.resolveEntity("techuk-ltd", merged), "techuk");
  assert.equal(url.resolveEntity("techuk", merged), "techuk");
  assert.equal(url.resolveEntity("constructor", merged), "constructor");  // an entity of its own still wins
  assert.equal(url.resolveEntity("gone", merged), null);  // merged into what the page does not have
  assert.equal(url.resolveEntity("toString", merged), null);
  assert.equal(url.resolveEntity("techuk-ltd", known), null);  // a page without merges
  assert.equal(url.resolveEntity("", merged), null);
  assert.equal(url.readView(url.parseFragment("#e=techuk-ltd&focus=2"), merged).entity, "techuk");
  // the view written back names the entity as it is now
  assert.equal(url.writeFragment(url.readView(url.parseFragment("#e=techuk-ltd"), merged)), "#e=techuk");
});

test("a view written and read back is the same view", () => {
  const view = { entity: "andy-street", focus: 2, hiddenTypes: new Set(["photo", "company"]), hiddenRelations: new Set(["spoke-at"]),
                 day: "2024-06-01", mode: "hide", open: new Set([3, 0]), zoom: 1.7, at: [10.4, -20.6], embed: "panel" };
  const fragment = url.writeFragment(view);
  assert.equal(fragment,
               "#e=andy-street&focus=2&types=company,photo&rels=spoke-at&date=2024-06-01&mode=hide&open=0,3&zoom=1.700&at=10,-21&embed=panel");
  assert.deepEqual(url.readView(url.parseFragment(fragment), known),
                   { ...view, hiddenTypes: new Set(["company", "photo"]), open: new Set([0, 3]), at: [10, -21] });
});

test("an empty view writes only the zoom", () => {
  assert.equal(url.writeFragment({ entity: null, hiddenTypes: new Set(), hiddenRelations: new Set(), day: null, mode: "fade",
                                   open: new Set(), zoom: 0.5, at: [0, 0], embed: null }), "#zoom=0.5000&at=0,0");
});

test("values are escaped, commas between names kept", () => {
  const fragment = url.writeFragment({ entity: "a&b=c#d", hiddenTypes: new Set(["x", "y"]), hiddenRelations: new Set(),
                                       day: null, mode: "fade", open: new Set(), zoom: null, at: null, embed: null });
  assert.equal(fragment, "#e=a%26b%3Dc%23d&types=x,y");
  assert.equal(url.parseFragment(fragment).get("e"), "a&b=c#d");
});
