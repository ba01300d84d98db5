/* wmgraph's page: what is drawn for a state of the page (filters, as-of date, communities expanded,
   entities brought in), as a list of nodes and lines, each with its id in vis-network and a
   signature that changes whenever its look does. No DOM: page.js makes and syncs vis-network's items. */
var wmgraphDraw = (function () {
  "use strict";
  var dates = typeof wmgraphDates !== "undefined" ? wmgraphDates : require("./page-dates.js");
  var pageData = typeof wmgraphPageData !== "undefined" ? wmgraphPageData : require("./page-data.js");

  // `page`: big, nodes, facts, entities, groups, groupOf, edgesOf, groupLinks and strong (the links
  // between communities that may be drawn), as page-data.js and page-overview.js make them.
  // `state`: hiddenTypes, hiddenRelations, open (communities), pinned (entities drawn outside them)
  // and brought (the pinned entities asked for one by one, not as a neighbour) as Sets; partial
  // (an open community being drawn in steps -> the Set of its members drawn so far), day,
  // mode ("fade" or "hide") and shrink (the discs' scale).
  // Nodes: { id, sig, key } for an entity ("h" hidden, "v" shown), { id, sig, group, count } for a
  // folded community. Lines: { id, sig, edge } for a relation (its state on the day, or "h"),
  // { id, sig, from, to, count } for lines counted together (to a folded community, between two).
  // Whether entity `key` is drawn as a member of an open community (`groupOf`: its community),
  // drawn already if that community is drawn in steps.
  function opened(groupOf, state, key) {
    var group = groupOf.get(key), part = state.partial && state.partial.get(group);
    return state.open.has(group) && (!part || part.has(key));
  }
  function plan(page, state) {
    var nodes = [], edges = [];
    var drawn = new Set();
    function inOpen(key) { return opened(page.groupOf, state, key); }
    function shown(key) { return !page.big || inOpen(key) || state.pinned.has(key); }
    function typeHidden(key) { return state.hiddenTypes.has(page.entities.get(key).type); }
    var keys = page.big ? [] : page.nodes.map(function (n) { return n.id; });
    if (page.big) {
      page.groups.forEach(function (group) {
        if (state.open.has(group.index)) {
          var part = state.partial && state.partial.get(group.index);
          Array.prototype.push.apply(keys, part ? Array.from(part) : group.members);
          return;
        }
        var count = group.size;
        state.hiddenTypes.forEach(function (type) { count -= group.types.get(type) || 0; });
        if (count) {
          var id = "g:" + group.index;
          drawn.add(id);
          nodes.push({ id: id, sig: "c" + count + "s" + state.shrink, group: group.index, count: count });
        }
      });
      state.pinned.forEach(function (key) { if (!inOpen(key)) { keys.push(key); } });
    }
    var hiddenNode = new Set();
    keys.forEach(function (key) {
      var hidden = typeHidden(key);
      if (hidden) { hiddenNode.add(key); }
      nodes.push({ id: pageData.nodeId(key), sig: hidden ? "h" : "v", key: key });
    });
    var outward = new Map();  // lines from an entity to a folded community, counted, by "a:" + id + ">" + community
    keys.forEach(function (key) {
      page.edgesOf.get(key).forEach(function (edge) {
        var other = edge.from === key ? edge.to : edge.from;
        if (!shown(other)) {
          // Lines to folded communities only from entities brought in one by one (an expanded
          // community's, or every neighbour's of a searched entity, would be a thousand more lines
          // for vis-network to make and draw, each one slow to make).
          if (state.brought.has(key) && !state.open.has(page.groupOf.get(key)) && !hiddenNode.has(key) && !typeHidden(other) &&
              !state.hiddenRelations.has(edge.rel)) {
            var id = "a:" + key + ">" + page.groupOf.get(other);
            outward.set(id, (outward.get(id) || 0) + 1);
          }
          return;
        }
        if (edge.from !== key && shown(edge.from) && edge.from !== edge.to) { return; }  // seen from `from`
        var look = dates.bestState(edge.facts.map(function (index) { return page.facts[index]; }), state.day);
        var hidden = state.hiddenRelations.has(edge.rel) || hiddenNode.has(edge.from) || hiddenNode.has(edge.to) ||
          (look !== "valid" && state.mode === "hide");
        edges.push({ id: edge.id, sig: hidden ? "h" : look, edge: edge });
      });
    });
    outward.forEach(function (count, id) {
      var parts = id.slice(2).split(">");
      if (!drawn.has("g:" + parts[1])) { return; }
      edges.push({ id: id, sig: "a" + count, from: pageData.nodeId(parts[0]), to: "g:" + parts[1], count: count });
    });
    if (page.big) {
      page.strong.forEach(function (pair) {
        var ends = pair.split("-");
        var a = "g:" + ends[0], b = "g:" + ends[1], count = page.groupLinks.get(pair);
        if (drawn.has(a) && drawn.has(b)) { edges.push({ id: "gg:" + pair, sig: "g" + count, from: a, to: b, count: count }); }
      });
    }
    return { nodes: nodes, edges: edges };
  }
  // A big page's entities sized by their relations (`value`) against the whole graph's range, as
  // vis-network's linear scaling would size them (`scaling`: its nodes' scaling options). Given
  // `value`, vis-network rescales every drawn node whenever anything drawn changes; given a size,
  // it never does, and an entity keeps its size as communities open and close. Returns the
  // function that sizes one node, once: the page sizes a node when it is first drawn.
  function sizeByRelations(nodes, scaling) {
    var least = Infinity, most = -Infinity;
    nodes.forEach(function (node) { least = Math.min(least, node.value); most = Math.max(most, node.value); });
    return function (node) {
      if (node.value === undefined) { return node; }
      var share = most === least ? 0.5 : (node.value - least) / (most - least);
      node.size = scaling.min + share * (scaling.max - scaling.min);
      node.font.size = scaling.label.min + share * (scaling.label.max - scaling.label.min);
      delete node.value;
      if (node.widthConstraint) {  // vis-network measures a constrained label word by word, each time it changes
        node.label = wrapWords(node.label, Math.max(8, Math.floor(node.widthConstraint.maximum / (node.font.size * 0.5))));
        delete node.widthConstraint;
      }
      return node;
    };
  }
  // `text` in lines of at most `chars` characters, broken between words (a longer word keeps a line to itself).
  function wrapWords(text, chars) {
    var lines = [];
    String(text).split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && lines[last].length + 1 + word.length <= chars) { lines[last] += " " + word; } else { lines.push(word); }
    });
    return lines.join("\n");
  }
  // vis-network answers each change to its data sets by rescaling every node and drawing everything
  // at once. `work`'s changes are told to it as one (`emitter`: its body's), drawn at the next frame.
  function gathered(emitter, physicsOn, work) {
    var emit = emitter.emit, held = null, holding = true;
    emitter.emit = function (name) {
      if (holding && (name === "_dataChanged" || name === "_dataUpdated")) {
        held = held === "_dataChanged" ? held : name;
        return emitter;
      }
      if (name === "startSimulation" && !physicsOn) { return emitter; }  // physics off: it only draws at once
      return emit.apply(emitter, arguments);
    };
    try {
      work();
      holding = false;
      if (held) { emitter.emit(held); }
    } finally {
      emitter.emit = emit;
    }
  }
  // A drawn item whose change is only its look (opacity and colours; a line's dashes) is changed in
  // place in vis-network's own objects (`body`: its body): given to the data set, vis-network parses
  // every option of each such item again and measures its label anew, which is most of a focus
  // step's or a date's time on a big page. Returns those items and the rest.
  var LOOK = { node: ["id", "hidden", "opacity", "font"], edge: ["id", "hidden", "dashes", "color", "font"] };
  function restyle(body, kind, items) {
    var drawn = kind === "node" ? body.nodes : body.edges;
    var direct = [], rest = [];
    items.forEach(function (item) {
      var target = Object.prototype.hasOwnProperty.call(drawn, item.id) ? drawn[item.id] : null;
      var look = !!target && !target.options.hidden === !item.hidden &&
        Object.keys(item).every(function (name) { return LOOK[kind].indexOf(name) >= 0; });
      if (!look) { rest.push(item); return; }
      var options = target.options;
      if (kind === "node") {
        options.opacity = item.opacity;
      } else {
        options.dashes = item.dashes;
        options.color.color = item.color.color;
        options.color.opacity = item.color.opacity;
      }
      recolour(target.labelModule, options.font.color = item.font.color);
      direct.push(item);
    });
    return { direct: direct, rest: rest };
  }
  // A label's colour, and that of the pieces it was measured into (drawn from those until measured again).
  function recolour(label, colour) {
    label.fontOptions.color = colour;
    (label.lines || []).forEach(function (line) {
      (line.blocks || []).forEach(function (block) { block.color = colour; });
    });
  }
  // The data set made what should be drawn (`want`: ids; `changed`: new and changed items) at the
  // least cost: a look changed in place is told to the data set with the network not listening.
  function sync(network, set, kind, want, changed) {
    var gone = set.getIds().filter(function (id) { return !want.has(id); });
    if (gone.length) { set.remove(gone); }
    var parts = restyle(network.body, kind, changed);
    if (parts.direct.length) {
      var listener = kind === "node" ? network.nodesHandler.nodesListeners.update : network.edgesHandler.edgesListeners.update;
      set.off("update", listener);
      try { set.update(parts.direct); } finally { set.on("update", listener); }
      network.body.emitter.emit("_requestRedraw");
    }
    if (parts.rest.length) { set.update(parts.rest); }
    return gone;
  }
  // What is drawn (`nodes`, `edges`: the data sets), counted: discs, entities, relations and
  // relations by their state on the day (`looks`: each line's signature, by its id).
  function counts(nodes, edges, looks) {
    var found = { nodes: 0, edges: 0, valid: 0, unreported: 0, future: 0, ended: 0, groups: 0 };
    nodes.forEach(function (node) {
      if (node.hidden) { return; }
      if (String(node.id).indexOf("g:") === 0) { found.groups++; } else { found.nodes++; }
    });
    edges.forEach(function (edge) {
      if (edge.hidden || !edge.rel) { return; }
      found.edges++;
      found[looks.get(edge.id)]++;
    });
    return found;
  }
  return { plan: plan, opened: opened, counts: counts, sizeByRelations: sizeByRelations, wrapWords: wrapWords, gathered: gathered, restyle: restyle,
           sync: sync };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphDraw; }
