// A small page's data for the unit tests (not itself a test file).

// A page's data as page/html.py writes it: entities by id, with names that every object has.
function sample() {
  return {
    types: [{ key: "company", label: "Company", colour: "#34516f", shape: "dot", count: 3 },
            { key: "person", label: "Person", colour: "#e15759", shape: "box", count: 1 }],
    relations: [{ key: "partners-with", label: "partners with", colour: "#4e79a7", count: 2, edge: true, symmetric: true },
                { key: "member-of", label: "member of", colour: "#4e79a7", count: 2, edge: true, symmetric: false },
                { key: "said", label: "said", colour: "#e15759", count: 1, edge: false, symmetric: false }],
    styles: { company: { shape: "dot", color: "#34516f", font: "#1f2328", wrap: 0 },
              person: { shape: "box", color: "#e15759", font: "#ffffff", wrap: 150 } },
    entities: [["andy-street", "hasOwnProperty", 1, [0], [], "A person."],
               ["constructor", "__proto__", 0, [0, 1], ["valueOf", "constructor"]],
               ["tostring", "toString", 0, [1]],
               ["zeta", "Zeta", 0, [0], [], "", "https://example.org/zeta", ["zeta-ltd", "valueof"]]],
    // subject, relation, object (or text), shown, sources...
    facts: [[0, 1, 1, 0, 0], [0, 2, "Hello", 1, 0], [1, 0, 2, 2, 0, 1], [2, 0, 1, 1, 1], [2, 1, 1, 1, 1], [3, 1, 1, 1, 0]],
    // qualifiers, figure, entities named in qualifiers, first day, last day, first day only reported
    shown: [[[["as of", "Oct 2023"]], "", [], "2023-10-01", null, 1], [[], "", [], null, null, 0],
            [[], "", ["zeta"], "2020-01-01", "2021-12-31", 0]],
    nodes: [0, 0, 10, 0, 20, 0, 500, 500],
    groups: [0, 0, 0, 1],
    sources: [{ title: "One" }, { title: "Two" }],
    source_keys: ["one", "two"],
    texts: ["Hello there", null],
    fact_quotes: [[1, "Hello", 0, 0, 0, 5, 11]],
    entity_quotes: [[2, "gone"]],
    dates: ["2020-01-01", "2023-10-31"],
    big: false,
  };
}

module.exports = { sample };
