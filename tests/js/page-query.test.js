// The query library as the page reads it (src/wmgraph/page/assets/page-query.js), run by `node --test`.
const test = require("node:test");
const assert = require("node:assert/strict");
const Q = require("../../src/wmgraph/page/assets/page-query.js");

const XSD = "http://www.w3.org/2001/XMLSchema#";
const sparql = { base: "https://example.org/id/", prefixes: { wm: "https://example.org/ns#", "": "https://example.org/id/" } };
const text = "# Who held a post.\n#\n# @param post entity=mayor  The post.\n# @param as_of date?  The date.\n" +
  "# @total n\nSELECT ?who (GROUP_CONCAT(?x; separator=\"; \") AS ?xs) WHERE { ?who wm:holds ?post # { not a brace\n" +
  "  FILTER(?n != \"}\") }";
const query = Q.parseHeader("mayors", text);

test("the header gives the description, parameters and totals", () => {
  assert.equal(query.description, "Who held a post.");
  assert.deepEqual(query.params, [
    { name: "post", type: "entity", required: false, value: "mayor", description: "The post." },
    { name: "as_of", type: "date", required: false, value: null, description: "The date." },
  ]);
  assert.deepEqual(query.totals, ["n"]);
});

test("parameters become terms in a VALUES block at the WHERE group's brace", () => {
  const bound = Q.bind(query, { as_of: "2024-02" }, sparql);
  assert.deepEqual(bound.post, { kind: "iri", value: "https://example.org/id/mayor" });
  assert.deepEqual(bound.as_of, { kind: "literal", value: "2024-02", datatype: XSD + "gYearMonth" });
  const out = Q.withValues(text, bound);
  assert.ok(out.includes('WHERE { VALUES (?as_of ?post) { ("2024-02"^^<' + XSD + 'gYearMonth> <https://example.org/id/mayor>) }  ?who'));
});

test("hostile values are refused or stay inside one literal", () => {
  assert.throws(() => Q.bind(query, { post: "x> } DROP ALL #" }, sparql), /is not an entity id/);
  assert.throws(() => Q.bind(query, { as_of: "2024-02-30" }, sparql), /is not a date/);
  assert.throws(() => Q.bind(query, { nope: "1" }, sparql), /has no parameter 'nope' \(it takes: post, as_of\)/);
  assert.equal(Q.n3({ kind: "literal", value: 'a"} \\\n', datatype: XSD + "string" }), '"a\\"} \\\\\\n"');
});

test("the query form, updates and GROUP_CONCAT separators are read outside strings and comments", () => {
  assert.equal(Q.queryForm("# SELECT\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), "construct");
  assert.equal(Q.isUpdate("DELETE WHERE { ?s ?p ?o }"), true);
  assert.equal(Q.isUpdate("SELECT ?s WHERE { ?s ?p \"DELETE\" }"), false);
  assert.deepEqual(Q.groupConcats(text), { xs: "; " });
  const results = { results: { bindings: [{ xs: { type: "literal", value: "b; a; c" } }] } };
  assert.equal(Q.orderLists(results, { xs: "; " }).results.bindings[0].xs.value, "a; b; c");
});

test("answers download as CSV with quoted fields", () => {
  const results = { head: { vars: ["a", "b"] }, results: { bindings: [
    { a: { type: "literal", value: 'say "hi", then\nleave' } }, { a: { type: "uri", value: "http://x/" }, b: { type: "literal", value: "1" } }] } };
  assert.equal(Q.toCsv(results), 'a,b\r\n"say ""hi"", then\nleave",\r\nhttp://x/,1\r\n');
  assert.equal(Q.toCsv({ head: {}, boolean: true }), "boolean\r\ntrue\r\n");
});

test("a command to run is one shell word per argument, whatever the values hold", () => {
  assert.equal(Q.command("people-at", { org: "techuk" }), "wmgraph query people-at --param org=techuk");
  assert.equal(Q.command("entities", {}), "wmgraph query entities");
  assert.equal(Q.command("people-at", { org: "x'; rm -rf ~ #" }), "wmgraph query people-at --param 'org=x'\\''; rm -rf ~ #'");
  assert.equal(Q.command("mayors", { post: "p", as_of: "2024" }), "wmgraph query mayors --param as_of=2024 --param post=p");
  assert.equal(Q.textCommand("ASK { $x ?p `o` }"), "wmgraph query -e 'ASK { $x ?p `o` }'");
  assert.equal(Q.shellWord(""), "''");
});

test("values that repeat a default ask the question the build answered", () => {
  assert.deepEqual(Q.changedParams(query, { post: "mayor", as_of: "" }), {});
  assert.deepEqual(Q.changedParams(query, { post: "other", as_of: "2024" }), { post: "other", as_of: "2024" });
});

test("a build's compact answer reads back as SPARQL JSON results", () => {
  const answer = { vars: ["e", "name", "n", "note", "link", "blank"], count: 1,
                   rows: [["emayor", ["Mayor", "@en"], ["3", XSD + "integer"], "lplain", "uhttp://x/", "bb1"],
                          ["ex", null, null, null, null, null]] };
  assert.deepEqual(Q.expandAnswer(answer, sparql.base), { head: { vars: answer.vars }, results: { bindings: [
    { e: { type: "uri", value: "https://example.org/id/mayor" }, name: { type: "literal", value: "Mayor", "xml:lang": "en" },
      n: { type: "literal", value: "3", datatype: XSD + "integer" }, note: { type: "literal", value: "plain" },
      link: { type: "uri", value: "http://x/" }, blank: { type: "bnode", value: "b1" } },
    { e: { type: "uri", value: "https://example.org/id/x" } }] } });
  assert.deepEqual(Q.expandAnswer({ boolean: false }, sparql.base), { head: {}, boolean: false });
});
