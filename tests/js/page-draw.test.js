// What is drawn for a state of the page (src/wmgraph/page/assets/page-draw.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const pageData = require("../../src/wmgraph/page/assets/page-data.js");
const overview = require("../../src/wmgraph/page/assets/page-overview.js");
const draw = require("../../src/wmgraph/page/assets/page-draw.js");
const { sample } = require("./page-sample.js");

function page(big) {
  const rows = sample();
  rows.big = big;
  const made = pageData.decode(rows);
  const edgesOf = new Map(made.data.nodes.map((n) => [n.id, []]));
  made.data.edges.forEach((e) => {
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) { edgesOf.get(e.to).push(e); }
  });
  return { big: big, nodes: made.data.nodes, facts: made.data.facts, entities: made.data.entities, groups: made.groups,
           groupOf: made.groupOf, edgesOf: edgesOf, groupLinks: made.groupLinks,
           strong: overview.strongLinks(made.groupLinks, 1000) };
}
function state(changes) {
  return { hiddenTypes: new Set(), hiddenRelations: new Set(), open: new Set(), pinned: new Set(), brought: new Set(), day: null,
           mode: "fade", shrink: 1, ...changes };
}
const show = (entries) => entries.map((e) => e.id + " " + e.sig);

test("a small page draws every entity and line", () => {
  const drawn = draw.plan(page(false), state({}));
  assert.deepEqual(show(drawn.nodes), ["andy-street v", "e:constructor v", "tostring v", "zeta v"]);
  assert.deepEqual(show(drawn.edges), ["andy-street|member-of|constructor valid", "constructor|partners-with|tostring valid",
                                       "tostring|member-of|constructor valid", "zeta|member-of|constructor valid"]);
  assert.equal(drawn.nodes[1].key, "constructor");  // drawn as e:constructor, still the entity constructor
  assert.equal(drawn.edges[0].edge.from, "andy-street");
});

test("hidden types hide their entities and lines; hidden relations their lines", () => {
  const drawn = draw.plan(page(false), state({ hiddenTypes: new Set(["person"]), hiddenRelations: new Set(["partners-with"]) }));
  assert.deepEqual(show(drawn.nodes), ["andy-street h", "e:constructor v", "tostring v", "zeta v"]);
  assert.deepEqual(show(drawn.edges), ["andy-street|member-of|constructor h", "constructor|partners-with|tostring h",
                                       "tostring|member-of|constructor valid", "zeta|member-of|constructor valid"]);
});

test("lines take their state on the day, or hide", () => {
  const faded = draw.plan(page(false), state({ day: "2019-01-01" }));
  assert.deepEqual(show(faded.edges), ["andy-street|member-of|constructor unreported",
                                       "constructor|partners-with|tostring valid",  // one of its two facts holds
                                       "tostring|member-of|constructor valid", "zeta|member-of|constructor valid"]);
  const hidden = draw.plan(page(false), state({ day: "2022-01-01", mode: "hide" }));
  assert.deepEqual(show(hidden.edges).slice(0, 2), ["andy-street|member-of|constructor h",
                                                    "constructor|partners-with|tostring valid"]);
});

test("a big page starts with one disc per community and the links between them", () => {
  const drawn = draw.plan(page(true), state({ shrink: 0.5 }));
  assert.deepEqual(drawn.nodes.map((e) => [e.id, e.sig, e.group, e.count]), [["g:0", "c3s0.5", 0, 3], ["g:1", "c1s0.5", 1, 1]]);
  assert.deepEqual(drawn.edges.map((e) => [e.id, e.sig, e.from, e.to, e.count]), [["gg:0-1", "g1", "g:0", "g:1", 1]]);
  const noPeople = draw.plan(page(true), state({ hiddenTypes: new Set(["person"]) }));
  assert.deepEqual(show(noPeople.nodes), ["g:0 c2s1", "g:1 c1s1"]);  // a disc counts what is not hidden
});

test("an expanded community draws its members and the lines among them", () => {
  const drawn = draw.plan(page(true), state({ open: new Set([0]) }));
  // Members most linked first.
  assert.deepEqual(show(drawn.nodes), ["g:1 c1s1", "e:constructor v", "tostring v", "andy-street v"]);
  // Not the line to zeta's folded community (an expanded community's would be too many), nor one disc to disc.
  assert.deepEqual(show(drawn.edges).sort(), ["andy-street|member-of|constructor valid",
                                              "constructor|partners-with|tostring valid",
                                              "tostring|member-of|constructor valid"]);
});

test("a community drawn in steps draws the members drawn so far and the lines among them", () => {
  const partial = new Map([[0, new Set(["constructor", "tostring"])]]);
  const drawn = draw.plan(page(true), state({ open: new Set([0]), partial: partial }));
  assert.deepEqual(show(drawn.nodes), ["g:1 c1s1", "e:constructor v", "tostring v"]);
  assert.deepEqual(show(drawn.edges).sort(), ["constructor|partners-with|tostring valid", "tostring|member-of|constructor valid"]);
  const groupOf = page(true).groupOf;
  assert.deepEqual(["constructor", "andy-street", "zeta"].map((k) => draw.opened(groupOf, { open: new Set([0]), partial: partial }, k)),
                   [true, false, false]);
  assert.equal(draw.opened(groupOf, { open: new Set([0]) }, "andy-street"), true);  // drawn whole
  // An entity pinned in it before its step is drawn all the same.
  const pinned = draw.plan(page(true), state({ open: new Set([0]), partial: partial, pinned: new Set(["andy-street"]) }));
  assert.deepEqual(show(pinned.nodes), ["g:1 c1s1", "e:constructor v", "tostring v", "andy-street v"]);
});

test("an entity brought in alone draws its lines to folded communities as counts", () => {
  const drawn = draw.plan(page(true), state({ pinned: new Set(["constructor"]), brought: new Set(["constructor"]) }));
  assert.deepEqual(show(drawn.nodes), ["g:0 c3s1", "g:1 c1s1", "e:constructor v"]);
  assert.deepEqual(drawn.edges.map((e) => [e.id, e.sig, e.from, e.to, e.count]), [
    ["a:constructor>0", "a3", "e:constructor", "g:0", 3],  // andy-street, and tostring twice, fold into community 0
    ["a:constructor>1", "a1", "e:constructor", "g:1", 1],
    ["gg:0-1", "g1", "g:0", "g:1", 1]]);
  const pair = draw.plan(page(true), state({ pinned: new Set(["constructor", "zeta"]), brought: new Set(["constructor", "zeta"]) }));
  assert.deepEqual(show(pair.edges), ["zeta|member-of|constructor valid", "a:constructor>0 a3", "gg:0-1 g1"]);
});

test("a neighbour brought in with an entity draws no lines to folded communities of its own", () => {
  const drawn = draw.plan(page(true), state({ pinned: new Set(["constructor", "zeta"]), brought: new Set(["zeta"]) }));
  assert.deepEqual(show(drawn.nodes), ["g:0 c3s1", "g:1 c1s1", "e:constructor v", "zeta v"]);
  assert.deepEqual(show(drawn.edges), ["zeta|member-of|constructor valid", "gg:0-1 g1"]);
});

test("a big page's entities are sized by their relations against the whole graph, once", () => {
  const nodes = [{ value: 1, font: { color: "#000" } }, { value: 4, font: {} }, { value: 10, font: {} }];
  const size = draw.sizeByRelations(nodes, { min: 20, max: 60, label: { min: 24, max: 60 } });
  assert.equal(nodes[1].size, undefined);  // each node is sized when it is first drawn
  nodes.forEach(size);
  assert.deepEqual(nodes.map((n) => [n.size, n.font.size, n.value]), [[20, 24, undefined], [20 + 3 / 9 * 40, 36, undefined],
                                                                       [60, 60, undefined]]);
  assert.equal(size(nodes[0]).size, 20);  // once: sizing it again changes nothing
  assert.equal(nodes[0].font.color, "#000");  // the rest of the label's style is kept
  const same = [{ value: 3, font: {} }, { value: 3, font: {} }];
  same.forEach(draw.sizeByRelations(same, { min: 20, max: 60, label: { min: 24, max: 60 } }));
  assert.deepEqual(same.map((n) => [n.size, n.font.size]), [[40, 42], [40, 42]]);  // one value: the middle
});

test("a big page's labels inside a shape come wrapped, so vis-network needs no word-by-word measuring", () => {
  assert.equal(draw.wrapWords("West Midlands Combined Authority", 14), "West Midlands\nCombined\nAuthority");
  assert.equal(draw.wrapWords("Supercalifragilistic Ltd", 8), "Supercalifragilistic\nLtd");  // a long word keeps its line
  assert.equal(draw.wrapWords("Aston", 8), "Aston");
  const nodes = [{ value: 1, label: "Birmingham City University Enterprise", font: {}, widthConstraint: { maximum: 150 } },
                 { value: 9, label: "Birmingham City University Enterprise", font: {} }];
  nodes.forEach(draw.sizeByRelations(nodes, { min: 20, max: 60, label: { min: 15, max: 30 } }));
  // 150 wide at a 15 px font: 20 characters a line; a label outside its shape is left to vis-network.
  assert.deepEqual(nodes.map((n) => [n.label, n.widthConstraint]),
                   [["Birmingham City\nUniversity\nEnterprise", undefined], ["Birmingham City University Enterprise", undefined]]);
});

test("a change's data-set events reach vis-network once, after the change, and physics off starts nothing", () => {
  const heard = [];
  const emitter = { emit(name) { heard.push(name); return this; } };
  const own = emitter.emit;
  draw.gathered(emitter, false, () => {
    emitter.emit("_dataUpdated"); emitter.emit("_dataChanged"); emitter.emit("_dataUpdated");
    assert.deepEqual(heard, []);  // held while the change is made
    emitter.emit("startSimulation");
    emitter.emit("_requestRedraw");
  });
  assert.deepEqual(heard, ["_requestRedraw", "_dataChanged"]);  // _dataChanged brings _dataUpdated with it
  assert.equal(emitter.emit, own);
  draw.gathered(emitter, true, () => { emitter.emit("startSimulation"); });
  assert.deepEqual(heard.slice(2), ["startSimulation"]);
  assert.throws(() => draw.gathered(emitter, true, () => { throw new Error("broken"); }), /broken/);
  assert.equal(emitter.emit, own);  // given back even when the change fails
});

// vis-network's objects as far as a change of look reaches them: options and a measured label.
function drawnItem(options) {
  return { options: { font: { color: "#000", size: 14 }, ...options },
           labelModule: { fontOptions: { color: "#000" }, lines: [{ blocks: [{ color: "#000" }, { color: "#000" }] }] } };
}

test("a change of look only is made in vis-network's own objects, a label's measured pieces recoloured", () => {
  const body = { nodes: { a: drawnItem({ opacity: 1 }), h: drawnItem({ hidden: true }) },
                 edges: { "a|r|b": drawnItem({ dashes: false, color: { color: "#111", highlight: "#222", opacity: 1 } }) } };
  const nodes = draw.restyle(body, "node", [
    { id: "a", hidden: false, opacity: 0.15, font: { color: "#ccc", size: 14 } },
    { id: "h", hidden: false, opacity: 1, font: { color: "#000" } },  // shown again: vis-network must know
    { id: "new", hidden: false, opacity: 1, font: {} },  // not drawn yet
    { id: "a", hidden: false, opacity: 1, font: {}, label: "A" }]);  // more than its look
  assert.deepEqual([nodes.direct.map((i) => i.id), nodes.rest.map((i) => i.id)], [["a"], ["h", "new", "a"]]);
  const a = body.nodes.a;
  assert.deepEqual([a.options.opacity, a.options.font.color, a.labelModule.fontOptions.color],
                   [0.15, "#ccc", "#ccc"]);
  assert.deepEqual(a.labelModule.lines[0].blocks.map((b) => b.color), ["#ccc", "#ccc"]);
  assert.equal(body.nodes.h.options.font.color, "#000");
  const edges = draw.restyle(body, "edge", [
    { id: "a|r|b", hidden: false, dashes: [3, 4], color: { color: "#999", opacity: 0.25 }, font: { color: "#aaa" } }]);
  assert.equal(edges.direct.length, 1);
  const line = body.edges["a|r|b"].options;
  assert.deepEqual([line.dashes, line.color, line.font.color], [[3, 4], { color: "#999", highlight: "#222", opacity: 0.25 }, "#aaa"]);
});

test("a data set is synced with changes of look told to it while the network is not listening", () => {
  const heard = [];
  const listener = () => heard.push("network");
  const set = {
    ids: ["a", "b", "gone"], listening: true, updates: [],
    getIds() { return this.ids; },
    remove(ids) { this.ids = this.ids.filter((id) => !ids.includes(id)); },
    off(name, fn) { assert.equal(fn, listener); this.listening = false; },
    on(name, fn) { assert.equal(fn, listener); this.listening = true; },
    update(items) { this.updates.push([items.map((i) => i.id), this.listening]); },
  };
  const network = { body: { nodes: { a: drawnItem({ opacity: 1 }) }, emitter: { emit: (name) => heard.push(name) } },
                    nodesHandler: { nodesListeners: { update: listener } } };
  const gone = draw.sync(network, set, "node", new Set(["a", "b", "c"]), [
    { id: "a", hidden: false, opacity: 0.5, font: { color: "#ccc" } }, { id: "c", label: "C" }]);
  assert.deepEqual(gone, ["gone"]);
  assert.deepEqual(set.ids, ["a", "b"]);
  assert.deepEqual(set.updates, [[["a"], false], [["c"], true]]);
  assert.deepEqual(heard, ["_requestRedraw"]);
  assert.equal(set.listening, true);
});

test("what is drawn is counted: discs, entities, and relations by their state", () => {
  const nodes = [{ id: "g:0" }, { id: "a" }, { id: "b", hidden: true }, { id: "g:1", hidden: true }];
  const edges = [{ id: "r1", rel: "partners-with" }, { id: "r2", rel: "member-of" }, { id: "r3", rel: "member-of", hidden: true },
                 { id: "gg:0-1", count: 3 }];
  const looks = new Map([["r1", "valid"], ["r2", "ended"], ["r3", "h"], ["gg:0-1", "g3"]]);
  assert.deepEqual(draw.counts(nodes, edges, looks),
                   { nodes: 1, edges: 2, valid: 1, unreported: 0, future: 0, ended: 1, groups: 1 });
});
