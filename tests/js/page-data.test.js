// The page's data decoding (src/wmgraph/page/assets/page-data.js), run by `node --test`: the rows
// page/data.py writes made back into entities, facts, edges, communities and lookups.
const test = require("node:test");
const assert = require("node:assert/strict");
const pageData = require("../../src/wmgraph/page/assets/page-data.js");

const { sample } = require("./page-sample.js");

test("entities are a Map, whatever their ids and names", () => {
  const { data } = pageData.decode(sample());
  assert.ok(data.entities instanceof Map);
  assert.deepEqual([...data.entities.keys()], ["andy-street", "constructor", "tostring", "zeta"]);
  assert.deepEqual(data.entities.get("constructor"), { name: "__proto__", type: "company", src: [0, 1],
                                                        aliases: ["valueOf", "constructor"], description: "", url: "",
                                                        formerly: [] });
  assert.deepEqual(data.entities.get("zeta"), { name: "Zeta", type: "company", src: [0], aliases: [], description: "",
                                                 url: "https://example.org/zeta", formerly: ["zeta-ltd", "valueof"] });
  assert.equal(data.entities.get("tostring").quote.src, null);
  assert.equal(data.entities.has("toString"), false);
  assert.equal(data.entities.has("__proto__"), false);
});

test("the ids merged into an entity lead to it", () => {
  const { data } = pageData.decode(sample());
  assert.ok(data.formerly instanceof Map);
  assert.deepEqual([...data.formerly], [["zeta-ltd", "zeta"], ["valueof", "zeta"]]);
  assert.equal(data.formerly.get("constructor"), undefined);
});

test("fact rows become facts", () => {
  const { data } = pageData.decode(sample());
  assert.deepEqual(data.facts[0], { s: "andy-street", r: "member-of", o: "constructor", t: null, q: [["as of", "Oct 2023"]],
                                     fig: "", refs: [], from: "2023-10-01", to: null, rep: true, src: [0] });
  assert.equal(data.facts[1].o, null);
  assert.equal(data.facts[1].t, "Hello");
  assert.deepEqual(data.facts[1].quote, { quote: "Hello", src: 0, sentence: 0, start: 0, end: 5, until: 11 });
  assert.deepEqual(data.facts[2].src, [0, 1]);
  assert.deepEqual(data.facts[2].refs, ["zeta"]);
});

test("one edge per subject, relation and object; a symmetric one from the smaller id", () => {
  const { data } = pageData.decode(sample());
  assert.deepEqual(data.edges.map((e) => [e.id, e.facts]), [
    ["andy-street|member-of|constructor", [0]],
    ["constructor|partners-with|tostring", [2, 3]],  // stated both ways: one line
    ["tostring|member-of|constructor", [4]],
    ["zeta|member-of|constructor", [5]],
  ]);
  const pair = data.edges.filter((e) => e.smooth);  // two relations between the same two: two curves
  assert.deepEqual(pair.map((e) => [e.id, e.smooth.type, e.smooth.roundness]),
                   [["constructor|partners-with|tostring", "curvedCW", 0.18],
                    ["tostring|member-of|constructor", "curvedCW", 0.18]]);
  assert.deepEqual([data.edges[1].arrows, data.edges[0].arrows], [{ to: { enabled: false } }, "to"]);
  assert.equal(data.edges[0].label, "member of");
});

test("nodes carry their type's style and their relations", () => {
  const { data, degree } = pageData.decode(sample());
  assert.deepEqual(data.nodes.map((n) => [n.id, n.label, n.shape, n.value]), [
    ["andy-street", "hasOwnProperty", "box", 1], ["constructor", "__proto__", "dot", 4],
    ["tostring", "toString", "dot", 2], ["zeta", "Zeta", "dot", 1]]);
  assert.deepEqual(data.nodes[0].widthConstraint, { maximum: 150 });
  assert.equal(data.nodes[1].widthConstraint, undefined);
  assert.ok(degree instanceof Map);
  assert.equal(degree.get("constructor"), 4);
});

test("facts by entity, both ways and through qualifiers", () => {
  const { factsOf } = pageData.decode(sample());
  assert.ok(factsOf instanceof Map);
  assert.deepEqual([...factsOf], [["andy-street", [0, 1]], ["constructor", [0, 2, 3, 4, 5]], ["tostring", [2, 3, 4]],
                                  ["zeta", [2, 5]]]);
});

test("lookups by key are Maps", () => {
  const made = pageData.decode(sample());
  for (const name of ["typeInfo", "relationInfo", "relationOrder", "groupOf", "groupLinks", "degree", "factsOf"]) {
    assert.ok(made[name] instanceof Map, name);
  }
  assert.equal(made.typeInfo.get("person").label, "Person");
  assert.equal(made.relationOrder.get("said"), 2);
  assert.equal(made.groupOf.get("constructor"), 0);
  assert.equal(made.typeInfo.get("constructor"), undefined);
  assert.deepEqual([...made.groupLinks], [["0-1", 1]]);
});

test("communities: members most linked first, named by the first two", () => {
  const { groups } = pageData.decode(sample());
  assert.deepEqual(groups.map((g) => [g.members, g.name, g.size, g.x, g.y]), [
    [["constructor", "tostring", "andy-street"], "__proto__ \u00b7 toString", 3, 10, 0],
    [["zeta"], "Zeta", 1, 500, 500]]);
  // How many of each type, so that a folded community is counted without going through its members.
  assert.deepEqual(groups.map((g) => [...g.types].sort()), [[["company", 2], ["person", 1]], [["company", 1]]]);
});

test("drawn ids never name what every object has", () => {
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    assert.equal(pageData.nodeId(key), "e:" + key);
    assert.equal(pageData.entityOfNode(pageData.nodeId(key)), key);
  }
  for (const key of ["andy-street", "tostring", "hasownproperty", "proto"]) {
    assert.equal(pageData.nodeId(key), key);
    assert.equal(pageData.entityOfNode(key), key);
  }
  assert.equal(pageData.entityOfNode("g:3"), null);
});

test("edges by entity, an edge by its id and the edge of a fact, found among an entity's edges", () => {
  const { data } = pageData.decode(sample());
  const edgesOf = pageData.edgesByEntity(data.nodes, data.edges);
  assert.deepEqual([...edgesOf].map(([key, list]) => [key, list.map((e) => e.id)]), [
    ["andy-street", ["andy-street|member-of|constructor"]],
    ["constructor", ["andy-street|member-of|constructor", "constructor|partners-with|tostring",
                     "tostring|member-of|constructor", "zeta|member-of|constructor"]],
    ["tostring", ["constructor|partners-with|tostring", "tostring|member-of|constructor"]],
    ["zeta", ["zeta|member-of|constructor"]]]);
  assert.equal(pageData.findEdge(edgesOf, "tostring|member-of|constructor"), data.edges[2]);
  assert.equal(pageData.findEdge(edgesOf, "tostring|member-of|zeta"), null);
  assert.equal(pageData.findEdge(edgesOf, "gg:0-1"), null);  // a line between discs is no edge
  assert.equal(pageData.findEdge(edgesOf, "valueOf"), null);
  assert.equal(pageData.edgeOfFact(edgesOf, data.facts[3], 3), data.edges[1]);  // stated the other way round
  assert.equal(pageData.edgeOfFact(edgesOf, data.facts[1], 1), null);  // a text, no line
});
