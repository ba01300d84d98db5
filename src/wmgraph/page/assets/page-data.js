/* wmgraph's page data: the rows of the JSON block (see page/data.py) made into the objects the
   page script works with: entities, facts, nodes, edges with their curves, styles, facts by entity.
   Everything looked up by an id or a key is a Map: an entity may be called `constructor`. No DOM. */
var wmgraphPageData = (function () {
  "use strict";

  // vis-network keeps its nodes in a plain object, where an id such as `constructor` finds what every
  // object has: such an entity is drawn under the id "e:" + its id (no entity id holds a colon).
  function nodeId(key) { return key in Object.prototype ? "e:" + key : key; }
  // The entity a drawn node stands for (null for a community's disc).
  function entityOfNode(id) {
    id = String(id);
    return id.indexOf("g:") === 0 ? null : id.indexOf("e:") === 0 ? id.slice(2) : id;
  }
  function byKey(list) { return new Map(list.map(function (item) { return [item.key, item]; })); }

  function decode(data) {
    var typeInfo = byKey(data.types);
    var relationInfo = byKey(data.relations);
    var relationOrder = new Map(data.relations.map(function (r, i) { return [r.key, i]; }));
    data.styles = new Map(Object.keys(data.styles).map(function (key) { return [key, data.styles[key]]; }));
    // Fact rows give their relation by its place in the legend: make it the key again.
    data.facts.forEach(function (row) { row[1] = data.relations[row[1]].key; });

    // Entities and facts arrive as rows (see page/data.py): make them objects again.
    var entities = new Map();
    var formerly = new Map();  // the id of an entity merged away (`wmgraph merge`) -> the entity it is now
    var keys = data.entities.map(function (row) { return row[0]; });
    var positions = data.nodes;
    data.nodes = data.entities.map(function (row, i) {
      entities.set(row[0], { name: row[1], type: data.types[row[2]].key, src: row[3], aliases: row[4] || [],
                             description: row[5] || "", url: row[6] || "", formerly: row[7] || [] });
      (row[7] || []).forEach(function (old) { formerly.set(old, row[0]); });
      return { id: row[0], x: positions[2 * i], y: positions[2 * i + 1], group: data.groups[i] };
    });
    data.entities = entities;
    data.formerly = formerly;
    var groupOf = new Map(data.nodes.map(function (node) { return [node.id, node.group]; }));
    data.edges = makeEdges(data.facts, keys, relationInfo);
    data.facts = data.facts.map(function (row) {
      var shown = data.shown[row[3]];
      var edge = relationInfo.get(row[1]).edge;
      return { s: keys[row[0]], r: row[1], o: edge && row[2] !== null ? keys[row[2]] : null, t: edge ? null : row[2],
               q: shown[0], fig: shown[1], refs: shown[2], from: shown[3], to: shown[4], rep: shown[5] === 1,
               src: row.slice(4) };
    });
    // Quotes (see page/passages.py): the words of the source, and where they stand in its stored text.
    data.texts = data.texts || [];
    function passage(row) {
      return row.length > 2 ? { quote: row[1], src: row[2], sentence: row[3], start: row[4], end: row[5], until: row[6] }
        : { quote: row[1], src: null };
    }
    (data.fact_quotes || []).forEach(function (row) { data.facts[row[0]].quote = passage(row); });
    (data.entity_quotes || []).forEach(function (row) { entities.get(keys[row[0]]).quote = passage(row); });
    dress(data, relationInfo);
    var factsOf = factsByEntity(data);
    var made = communities(data, groupOf);
    return { data: data, degree: made.degree, groups: made.groups, groupLinks: made.groupLinks, groupOf: groupOf,
             typeInfo: typeInfo, relationInfo: relationInfo, relationOrder: relationOrder, factsOf: factsOf };
  }

  // One edge per subject, relation and object, holding its facts; a symmetric relation's runs from
  // the smaller id to the larger, so "A partners with B" and "B partners with A" are one line.
  // Edges go by the two entities they join, then by from, relation and to (ids compared by rank).
  function makeEdges(rows, keys, relationInfo) {
    var byId = keys.map(function (key, i) { return i; });
    byId.sort(function (x, y) { return keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0; });
    var rank = new Int32Array(keys.length);
    byId.forEach(function (index, place) { rank[index] = place; });
    var lines = [];
    rows.forEach(function (row, index) {
      var relation = relationInfo.get(row[1]);
      if (!relation.edge || row[2] === null) { return; }
      var a = rank[row[0]], b = rank[row[2]];
      if (b < a && relation.symmetric) { var swap = a; a = b; b = swap; }
      lines.push({ from: a, to: b, low: Math.min(a, b), high: Math.max(a, b), rel: row[1], fact: index });
    });
    lines.sort(function (x, y) {
      return (x.low - y.low) || (x.high - y.high) || (x.from - y.from) ||
        (x.rel < y.rel ? -1 : x.rel > y.rel ? 1 : 0) || (x.fact - y.fact);
    });
    var edges = [];
    var pairStart = 0;
    lines.forEach(function (line, i) {
      var before = lines[i - 1];
      var samePair = i > 0 && before.low === line.low && before.high === line.high;
      if (samePair && before.from === line.from && before.rel === line.rel) {
        edges[edges.length - 1].facts.push(line.fact);
        return;
      }
      if (!samePair) {
        bend(edges.slice(pairStart));
        pairStart = edges.length;
      }
      var from = keys[byId[line.from]], to = keys[byId[line.to]];
      edges.push({ id: from + "|" + line.rel + "|" + to, from: from, to: to, rel: line.rel, facts: [line.fact] });
    });
    bend(edges.slice(pairStart));
    return edges;
  }
  // Several relations between the same two entities: bend each by a different amount, alternating
  // sides of the line from the smaller id to the larger.
  function bend(edges) {
    if (edges.length < 2) { return; }
    edges.forEach(function (edge, index) {
      var side = (index % 2 === 0) === (edge.from <= edge.to) ? 1 : -1;
      edge.smooth = { enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW",
                      roundness: (18 + 16 * Math.floor(index / 2)) / 100 };
    });
  }

  // What every entity of a type, or relation of a kind, shares is sent once and copied here.
  function dress(data, relationInfo) {
    data.nodes.forEach(function (node) {
      var entity = data.entities.get(node.id);
      var style = data.styles.get(entity.type);
      node.label = entity.name;
      node.etype = entity.type;
      node.shape = style.shape;
      node.color = style.color;
      // A label inside a shape needs no halo; one outside keeps the white halo that lifts it off lines.
      node.font = style.wrap ? { color: style.font, strokeWidth: 0 } : { color: style.font };
      if (style.wrap) { node.widthConstraint = { maximum: style.wrap }; }
    });
    data.edges.forEach(function (edge) {
      var relation = relationInfo.get(edge.rel);
      edge.label = relation.label;
      edge.color = { color: relation.colour, opacity: 1.0 };
      edge.arrows = relation.symmetric ? { to: { enabled: false } } : "to";
    });
  }

  // Facts about each entity, in both directions, plus facts that mention it in a qualifier.
  function factsByEntity(data) {
    var factsOf = new Map();
    data.entities.forEach(function (entity, key) { factsOf.set(key, []); });
    function add(key, index) {
      var list = factsOf.get(key);
      // Facts come in order, so a fact already listed for this entity is the last one listed.
      if (list && list[list.length - 1] !== index) { list.push(index); }
    }
    data.facts.forEach(function (fact, index) {
      add(fact.s, index);
      if (fact.o) { add(fact.o, index); }
      for (var i = 0; i < fact.refs.length; i++) { add(fact.refs[i], index); }
    });
    return factsOf;
  }

  // Communities (worked out when the page was built): members, most linked first, how many of each
  // type, and a name from them.
  function communities(data, groupOf) {
    var degree = new Map(data.nodes.map(function (node) { return [node.id, 0]; }));
    data.edges.forEach(function (edge) {
      degree.set(edge.from, degree.get(edge.from) + 1);
      degree.set(edge.to, degree.get(edge.to) + 1);
    });
    var groups = [];
    data.nodes.forEach(function (node) {
      node.value = degree.get(node.id);
      var group = groups[node.group];
      if (!group) { group = groups[node.group] = { index: node.group, members: [], types: new Map(), x: 0, y: 0 }; }
      group.members.push(node.id);
      var type = data.entities.get(node.id).type;
      group.types.set(type, (group.types.get(type) || 0) + 1);
      group.x += node.x;
      group.y += node.y;
    });
    groups.forEach(function (group) {
      group.x = Math.round(group.x / group.members.length);
      group.y = Math.round(group.y / group.members.length);
      // Members come in id order: a stable sort by relations keeps that order among equals.
      group.members.sort(function (a, b) { return degree.get(b) - degree.get(a); });
      var top = group.members.slice(0, 2).map(function (key) { return data.entities.get(key).name; });
      group.unlinked = degree.get(group.members[0]) === 0;
      group.name = group.unlinked ? "Entities without relations" : top.join(" \u00b7 ");
      group.size = group.members.length;
    });
    var groupLinks = new Map();
    data.edges.forEach(function (edge) {
      var a = groupOf.get(edge.from), b = groupOf.get(edge.to);
      if (a === b) { return; }
      var key = Math.min(a, b) + "-" + Math.max(a, b);
      groupLinks.set(key, (groupLinks.get(key) || 0) + 1);
    });
    return { degree: degree, groups: groups, groupLinks: groupLinks };
  }

  // Each entity's edges, from it or to it, by its id.
  function edgesByEntity(nodes, edges) {
    var edgesOf = new Map();
    nodes.forEach(function (node) { edgesOf.set(node.id, []); });
    edges.forEach(function (edge) {
      edgesOf.get(edge.from).push(edge);
      if (edge.to !== edge.from) { edgesOf.get(edge.to).push(edge); }
    });
    return edgesOf;
  }
  // The edge of id `id` (from|relation|to, and no id holds a "|"), found among its first entity's
  // edges rather than in a map of every edge (a quarter of a million at 100k), or null.
  function findEdge(edgesOf, id) {
    var list = edgesOf.get(String(id).split("|")[0]) || [];
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }
  // The edge that draws fact `index` (`fact`: a relation between two entities), or null.
  function edgeOfFact(edgesOf, fact, index) {
    var list = (fact.o && edgesOf.get(fact.s)) || [];
    for (var i = 0; i < list.length; i++) { if (list[i].facts.indexOf(index) >= 0) { return list[i]; } }
    return null;
  }

  return { decode: decode, nodeId: nodeId, entityOfNode: entityOfNode, edgesByEntity: edgesByEntity, findEdge: findEdge,
           edgeOfFact: edgeOfFact };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphPageData; }
