// Finding entities by name or alias (src/wmgraph/page/assets/page-search.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const find = require("../../src/wmgraph/page/assets/page-search.js");

function entities(rows) {
  return new Map(rows.map(([key, name, aliases, formerly]) => [key, { name: name, aliases: aliases || [], formerly: formerly }]));
}
const sample = entities([
  ["university-of-birmingham", "University of Birmingham", ["Birmingham University", "UoB"]],
  ["birmingham", "Birmingham"],
  ["birmingham-city-university", "Birmingham City University", ["BCU"], ["bcu-ltd"]],
  ["cafe-society", "The Café Society"],
  ["constructor", "__proto__", ["hasOwnProperty"]],
  ["tostring", "toString", ["constructor"]],
]);
const index = find.makeIndex(sample);

test("names are compared without case, accents or punctuation", () => {
  assert.equal(find.normalise("The Café-Society!"), "the cafe society");
  assert.equal(find.normalise("  ÉCOLE   Normale "), "ecole normale");
  assert.equal(find.normalise("__proto__"), "proto");
  assert.equal(find.normalise("Plain ASCII & Co."), "plain ascii co");
  assert.equal(find.normalise("\uFB01eld \u2460"), "field 1");  // compatibility forms are taken apart too
});

test("the whole name first, then its start, then inside it, then every word", () => {
  assert.deepEqual(find.findEntities(index, "birmingham"), [
    { key: "birmingham", via: "Birmingham" },
    { key: "birmingham-city-university", via: "Birmingham City University" },
    { key: "university-of-birmingham", via: "Birmingham University" },
  ]);
  assert.deepEqual(find.findEntities(index, "university birmingham"), [
    { key: "birmingham-city-university", via: "Birmingham City University" },
    { key: "university-of-birmingham", via: "University of Birmingham" },
  ]);
  assert.deepEqual(find.findEntities(index, "cafe"), [{ key: "cafe-society", via: "The Café Society" }]);
  assert.deepEqual(find.findEntities(index, "bcu"), [{ key: "birmingham-city-university", via: "BCU" }]);
  assert.deepEqual(find.findEntities(index, "  "), []);
  assert.deepEqual(find.findEntities(index, "nowhere"), []);
});

test("names every object has are found like any other", () => {
  assert.deepEqual(find.findEntities(index, "constructor"), [{ key: "tostring", via: "constructor" }]);
  assert.deepEqual(find.findEntities(index, "__proto__"), [{ key: "constructor", via: "__proto__" }]);
  assert.deepEqual(find.findEntities(index, "hasOwnProperty"), [{ key: "constructor", via: "hasOwnProperty" }]);
  assert.deepEqual(find.findEntities(index, "toString"), [{ key: "tostring", via: "toString" }]);
});

test("at most thirty matches, by name among equals", () => {
  const many = entities(Array.from({ length: 40 }, (_, i) => ["e" + i, "Name " + String(i).padStart(2, "0")]));
  const found = find.findEntities(find.makeIndex(many), "name");
  assert.equal(found.length, 30);
  assert.deepEqual(found.slice(0, 2).map((m) => m.key), ["e0", "e1"]);
  assert.equal(found[29].key, "e29");
});

test("an entity is found by the ids merged into it", () => {
  assert.deepEqual(find.findEntities(index, "bcu-ltd"), [{ key: "birmingham-city-university", via: "bcu-ltd" }]);
  assert.deepEqual(find.findEntities(index, "bcu"), [{ key: "birmingham-city-university", via: "BCU" }]);
});
