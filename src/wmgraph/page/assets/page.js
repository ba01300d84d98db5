/* wmgraph's page script. Data comes from the JSON block; every piece of it reaches the page
   through textContent or DOM properties, never through innerHTML.

   A small graph is drawn whole. A big one (data.big) starts as an overview: one disc per community
   (worked out when the page was built), named by its most connected members; a click expands a
   community, a search or a selection brings an entity and its neighbours in. Only what is drawn is
   in vis-network's data sets; the rest stays in the page's own data. */
(function () {
  "use strict";

  var started = performance.now();
  var parsed = JSON.parse(document.getElementById("wmgraph-data").textContent);
  var parsedAt = performance.now() - started;
  var prepared = wmgraphPageData.decode(parsed);
  var nodeId = wmgraphPageData.nodeId, entityOfNode = wmgraphPageData.entityOfNode;
  var showDay = wmgraphDates.showDay;
  var preparedAt = performance.now() - started;
  var data = prepared.data;
  var typeInfo = prepared.typeInfo;
  var relationInfo = prepared.relationInfo;
  var relationOrder = prepared.relationOrder;
  var factsOf = prepared.factsOf;
  var groups = prepared.groups;
  var groupOf = prepared.groupOf;
  var degree = prepared.degree;
  var big = data.big;
  var sized = big ? wmgraphDraw.sizeByRelations(data.nodes, data.options.nodes.scaling) : function (node) { return node; };

  // Everything looked up by an id or a key is a Map: an entity may be called `constructor`.
  var edgesOf = wmgraphPageData.edgesByEntity(data.nodes, data.edges);
  var nodeById = new Map(data.nodes.map(function (node) { return [node.id, node]; }));
  function edgeById(id) { return wmgraphPageData.findEdge(edgesOf, id); }

  // ---- small DOM helpers (text only) ----
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }
  function button(className, text, label, onClick) {
    var b = el("button", className, text);
    b.type = "button";
    if (label) { b.setAttribute("aria-label", label); }
    b.addEventListener("click", onClick);
    return b;
  }
  function safeLink(url, text) {
    if (!/^https?:\/\//i.test(url || "")) { return el("span", "", text); }
    var link = el("a", "", text);
    link.href = url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  function swatch(type) {
    var mark = el("span", "swatch " + type.shape);
    mark.style.background = type.colour;
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  // ---- embed mode, read before the graph is drawn so it gets the right size ----
  var embed = wmgraphUrl.readView(wmgraphUrl.parseFragment(location.hash),
                                  { types: new Set(), relations: new Set(), entities: new Set(), groups: 0 }).embed;
  if (embed) { document.body.classList.add("embed", "embed-" + embed); }

  // ---- the network ----
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var api = { data: data, network: network, nodes: nodes, edges: edges, groups: groups, ready: false,
              timings: { parsed: parsedAt, prepared: preparedAt } };
  window.wmgraph = api;
  document.getElementById("title").textContent = data.title;
  document.title = data.title;

  // ---- what is shown ----
  // Hidden types and relations by key, expanded communities by number, entities brought in by id.
  // `focus`: how many degrees around the selected entity stay bright (0: nothing is faded).
  var state = { hiddenTypes: new Set(), hiddenRelations: new Set(), day: null, mode: "fade", selected: null,
                open: new Set(), pinned: new Set(), brought: new Set(), partial: new Map(), focus: 0 };
  var signatures = { node: new Map(), edge: new Map() };  // what each drawn item looks like now, by its id
  var physicsOn = !!data.options.physics.enabled;  // until a small graph has settled
  var OPACITY = { valid: 1, unreported: 0.8, future: 0.45, ended: 0.25 };
  var FADED = 0.15;  // outside the focus: still there to see where the neighbourhood sits, but quiet
  var FADED_TEXT = "#c4c8cf";

  function entityShown(key) { return !big || wmgraphDraw.opened(groupOf, state, key) || state.pinned.has(key); }
  function typeHidden(key) { return state.hiddenTypes.has(data.entities.get(key).type); }

  function entityItem(key, sig, faded) {
    var node = sized(nodeById.get(key));
    var item = { id: nodeId(key), hidden: sig === "h", opacity: faded ? FADED : 1 };
    if (!signatures.node.has(item.id)) {
      ["x", "y", "label", "etype", "shape", "color", "font", "widthConstraint", "value", "size"].forEach(
        function (name) { if (node[name] !== undefined) { item[name] = node[name]; } });
      item.community = node.group;
    }
    item.font = faded ? Object.assign({}, node.font, { color: FADED_TEXT }) : node.font;
    return item;
  }
  function edgeItem(edge, look, faded) {
    var hidden = look === "h";
    var s = hidden ? "valid" : look;
    var item = { id: edge.id, hidden: hidden, dashes: s === "unreported" ? [3, 4] : s === "future" ? [10, 7] : false,
                 color: { color: s === "ended" ? "#9aa0a6" : edge.color.color, opacity: OPACITY[s] * (faded ? FADED : 1) },
                 font: { color: faded ? FADED_TEXT : s === "valid" ? "#3b4250" : "#9aa0a6" } };
    if (!signatures.edge.has(edge.id)) {
      ["label", "rel", "facts", "arrows", "smooth"].forEach(
        function (name) { if (edge[name] !== undefined) { item[name] = edge[name]; } });
      item.from = nodeId(edge.from);
      item.to = nodeId(edge.to);
    }
    return item;
  }
  // Discs and their labels are sized for the overview's first zoom: the biggest communities are
  // labelled there, the rest once zoomed in (labels under 8 px on screen are not drawn).
  var overviewScale = wmgraphOverview.fitScale(data.nodes, container.clientWidth || 800, container.clientHeight || 600);
  var largest = groups.length ? groups[0].size : 1;
  function discRadius(group) { return wmgraphOverview.discRadius(group, largest, overviewScale); }
  if (big) { wmgraphOverview.spreadDiscs(groups, discRadius); }
  // Zoomed in past the overview, discs and their labels keep their size on screen rather than grow
  // over the entities drawn there.
  var shrink = 1;
  function groupItem(group, count) {
    var share = Math.sqrt(group.size / largest);
    var rank = group.index;  // communities come biggest first
    return { id: "g:" + group.index, community: group.index, x: group.x, y: group.y, shape: "dot",
             size: discRadius(group) * shrink, label: group.name + " (" + count + ")",
             color: { background: "#c9d5e8", border: "#3d5a8a", highlight: { background: "#f7d774", border: "#7a5b00" },
                      hover: { background: "#e3eaf5", border: "#1f2a44" } },
             font: { size: (rank < 10 ? 12 + 4 * share : rank < 40 ? 6.5 : 5) / overviewScale * shrink, color: "#1f2328", strokeWidth: 4,
                     strokeColor: "#ffffff" },
             borderWidth: 2 };
  }
  // A line between two discs has no label (its count is in its width and its tooltip): a thousand
  // such labels, drawn only once zoomed in and mostly off screen, slow every drawing there.
  function aggregateItem(id, from, to, count) {
    return { id: id, from: from, to: to, width: Math.min(10, 1 + Math.log2(count)), arrows: { to: { enabled: false } },
             color: { color: "#7b8799", opacity: 0.5 }, smooth: { enabled: false }, count: count,
             label: count > 1 && id.indexOf("gg:") !== 0 ? String(count) : undefined };
  }

  // Work out what should be drawn (page-draw.js) and change only what differs in the data sets.
  var strong = null;
  function render() {
    // At most 1,000 lines between communities: each line is slow for vis-network to make.
    strong = strong || (big ? wmgraphOverview.strongLinks(prepared.groupLinks, 1000) : []);
    var plan = wmgraphDraw.plan(
      { big: big, nodes: data.nodes, facts: data.facts, entities: data.entities, groups: groups, groupOf: groupOf,
        edgesOf: edgesOf, groupLinks: prepared.groupLinks, strong: strong },
      { hiddenTypes: state.hiddenTypes, hiddenRelations: state.hiddenRelations, open: state.open, pinned: state.pinned,
        brought: state.brought, partial: state.partial, day: state.day, mode: state.mode, shrink: shrink });
    var want = { node: new Set(), edge: new Set() };
    var items = { node: [], edge: [] };
    var reached = state.focus && state.selected ? wmgraphFocus.within(edgesOf, state.selected, state.focus) : null;
    function put(kind, entry, faded, make) {
      var sig = entry.sig + (faded ? "|f" : "");
      want[kind].add(entry.id);
      if (signatures[kind].get(entry.id) !== sig) {
        items[kind].push(make(entry));
        signatures[kind].set(entry.id, sig);
      }
    }
    plan.nodes.forEach(function (entry) {
      var faded = !!reached && entry.key !== undefined && !reached.has(entry.key);
      put("node", entry, faded, function () {
        return entry.key === undefined ? groupItem(groups[entry.group], entry.count) : entityItem(entry.key, entry.sig, faded);
      });
    });
    plan.edges.forEach(function (entry) {
      var faded = !!reached && !!entry.edge && !wmgraphFocus.lineInside(reached, entry.edge);
      put("edge", entry, faded, function () {
        return entry.edge ? edgeItem(entry.edge, entry.sig, faded) : aggregateItem(entry.id, entry.from, entry.to, entry.count);
      });
    });
    showFocus();
    gathered(function () {
      sync(nodes, "node", want.node, items.node);
      sync(edges, "edge", want.edge, items.edge);
    });
    hideTip();
    updateStatus();
  }
  function sync(set, kind, want, changed) {
    wmgraphDraw.sync(network, set, kind, want, changed).forEach(function (id) { signatures[kind].delete(id); });
  }
  api.render = render;
  function gathered(work) { wmgraphDraw.gathered(network.body.emitter, physicsOn, work); }

  function visibleCounts() { return wmgraphDraw.counts(nodes, edges, signatures.edge); }
  api.visibleCounts = visibleCounts;

  function updateStatus() {
    var c = visibleCounts();
    var text;
    if (big) {
      text = data.nodes.length + " entities in " + groups.length + " communities; " + c.groups + " as discs, " +
        c.nodes + " entities and " + c.edges + " relations drawn";
    } else {
      text = c.nodes + " of " + data.nodes.length + " entities, " + c.edges + " of " + data.edges.length +
        " relations shown";
    }
    if (state.day !== null) {
      text += "; on " + showDay(state.day) + ": " + c.valid + " valid";
      if (c.unreported) { text += ", " + c.unreported + " not yet reported"; }
      if (c.future) { text += ", " + c.future + " not yet begun"; }
      if (c.ended) { text += ", " + c.ended + " ended"; }
    }
    if (!api.ready) { text += "; laying out\u2026"; }
    document.getElementById("status").textContent = text;
    document.getElementById("overview-button").hidden = !big ||
      (!state.open.size && !state.pinned.size);
  }

  function fitVisible() {
    fitTo(nodes.getIds({ filter: function (node) { return !node.hidden; } }));
    scheduleHash();
  }
  function fitTo(ids) {  // network.fit, without waiting for vis-network to draw the labels it measures
    if (!ids.length) { return; }
    var view = wmgraphOverview.fitView(ids.map(function (id) {  // an entity not drawn yet: as it will be drawn
      var node = network.body.nodes[id] || sized(nodeById.get(entityOfNode(id))), o = node.options || node;
      return { x: node.x, y: node.y, size: o.size, fontSize: o.font.size, label: o.label };
    }), container.clientWidth || 800, container.clientHeight || 600);
    network.moveTo({ position: { x: view.x, y: view.y }, scale: view.scale, animation: false });
  }
  api.fitVisible = fitVisible;

  // ---- tooltip: our own, hidden whenever the view changes ----
  var tip = document.getElementById("tip");
  function hideTip() { tip.hidden = true; }
  function showTip(text, pointer) {
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = (container.offsetLeft + pointer.x + 14) + "px";
    tip.style.top = (container.offsetTop + pointer.y + 10) + "px";
  }
  function nameOf(id) { var key = entityOfNode(id); return key === null ? groups[Number(id.slice(2))].name : data.entities.get(key).name; }
  network.on("hoverNode", function (params) {
    var id = String(params.node), key = entityOfNode(id);
    if (key === null) {
      showTip(nameOf(id) + ": " + groups[Number(id.slice(2))].size + " entities (click to expand)", params.pointer.DOM);
    } else if (data.entities.has(key)) {
      var entity = data.entities.get(key);
      showTip(entity.name + " (" + typeInfo.get(entity.type).label + ", " + degree.get(key) + " relations)",
              params.pointer.DOM);
    }
  });
  network.on("hoverEdge", function (params) {
    var edge = edgeById(params.edge), line = edges.get(params.edge);
    if (edge) {
      showTip(data.entities.get(edge.from).name + " " + relationInfo.get(edge.rel).label + " " +
              data.entities.get(edge.to).name, params.pointer.DOM);
    } else if (line && line.count) {  // lines counted together: to a folded community, between two
      showTip(line.count + (line.count === 1 ? " relation" : " relations") + " between " + nameOf(line.from) + " and " +
              nameOf(line.to), params.pointer.DOM);
    }
  });
  ["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (name) { network.on(name, hideTip); });
  container.addEventListener("mouseleave", hideTip);

  // ---- legend and filters ----
  function filterChanged() { render(); fitVisible(); if (current) { current.show(); } }
  function hide(hidden, key, yes) { if (yes) { hidden.add(key); } else { hidden.delete(key); } }
  function filterList(listId, items, hidden, makeMark, withOnly) {
    var list = document.getElementById(listId);
    items.forEach(function (item) {
      if (item.edge === false) { return; }
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.key;
      box.addEventListener("change", function () { hide(hidden, item.key, !box.checked); filterChanged(); });
      var label = append(el("label"), box, makeMark(item), el("span", "", item.label), el("span", "count", item.count));
      var row = append(el("li"), label);
      if (withOnly) {
        append(row, button("only", "only", "Show only " + item.label, function () { only(listId, hidden, item.key); }));
      }
      append(list, row);
    });
  }
  function only(listId, hidden, key) {
    Array.prototype.forEach.call(document.querySelectorAll("#" + listId + " input"), function (box) {
      box.checked = box.value === key;
      hide(hidden, box.value, box.value !== key);
    });
    filterChanged();
  }
  function showAll(listId, hidden) {
    Array.prototype.forEach.call(document.querySelectorAll("#" + listId + " input"), function (box) {
      box.checked = true;
      hidden.delete(box.value);
    });
    filterChanged();
  }
  filterList("type-filters", data.types, state.hiddenTypes, swatch, true);
  filterList("relation-filters", data.relations, state.hiddenRelations, function (r) {
    var line = el("span", "line");
    line.style.background = r.colour;
    return line;
  }, true);
  document.getElementById("all-types").addEventListener("click", function () { showAll("type-filters", state.hiddenTypes); });
  document.getElementById("all-relations").addEventListener("click", function () {
    showAll("relation-filters", state.hiddenRelations);
  });
  document.querySelector("#relations-section summary h2").textContent =
    "Relations (" + data.relations.filter(function (r) { return r.edge; }).length + ")";

  // ---- the as-of date ----
  var dateEnabled = document.getElementById("date-enabled");
  var dateInput = document.getElementById("date-input");
  var slider = document.getElementById("date-slider");
  var firstMonth = 0;
  var monthIndex = wmgraphDates.monthIndex, monthDay = wmgraphDates.monthDay;
  if (data.dates.length) {
    firstMonth = monthIndex(data.dates[0]);
    slider.min = "0";
    slider.max = String(monthIndex(data.dates[1]) - firstMonth);
    slider.value = slider.max;
    dateInput.min = data.dates[0];
    dateInput.max = data.dates[1];
    dateInput.value = monthDay(monthIndex(data.dates[1]));
  } else {
    document.getElementById("date-section").hidden = true;
  }
  function setDay(day) {
    state.day = day;
    render();
    if (current) { current.show(); }
    scheduleHash();
  }
  function useDate(day) {
    if (!wmgraphDates.isDay(day)) { return; }
    dateInput.value = day;
    slider.value = String(Math.max(0, Math.min(Number(slider.max), monthIndex(day) - firstMonth)));
    dateEnabled.checked = true;
    setDay(day);
  }
  api.setDate = function (day) { if (day === null) { dateEnabled.checked = false; setDay(null); } else { useDate(day); } };
  dateEnabled.addEventListener("change", function () { setDay(dateEnabled.checked ? dateInput.value : null); });
  dateInput.addEventListener("change", function () { useDate(dateInput.value); });
  slider.addEventListener("input", function () { useDate(monthDay(firstMonth + Number(slider.value))); });
  function setMode(mode) {
    state.mode = mode === "hide" ? "hide" : "fade";
    document.querySelector("input[name=date-mode][value=" + state.mode + "]").checked = true;
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[name=date-mode]"), function (radio) {
    radio.addEventListener("change", function () { setMode(radio.value); render(); scheduleHash(); });
  });

  // ---- the side panel ----
  var panelBox = document.getElementById("panel");
  var panel = document.getElementById("panel-body");
  var current = null;

  function entityButton(key) {
    var entity = data.entities.get(key);
    if (!entity) { return el("span", "", key); }
    return button("entity-link", entity.name, null, function () { selectEntity(key, true); });
  }
  function sourceItem(key) {
    var source = data.sources[key];
    var item = el("li");
    if (!source) { return append(item, key); }
    append(item, safeLink(source.url, source.title));
    var details = [source.publisher, source.authors, source.date].filter(Boolean).join(", ");
    if (details) { append(item, " (" + details + ")"); }
    if (data.texts[key]) {
      append(item, " ", button("read", "Read the text", "Read the stored text of " + source.title,
                          function () { openReader(key, null); }));
    }
    return item;
  }
  // A quote in its sentence, the quoted words marked; a button opens the source's text at the passage.
  function evidence(quote) {
    var text = quote.src === null ? null : data.texts[quote.src];
    var words = el("blockquote");
    if (text) {
      append(words, text.slice(quote.sentence, quote.start), el("mark", "", text.slice(quote.start, quote.end)),
             text.slice(quote.end, quote.until));
    } else {
      append(words, el("mark", "", quote.quote));
    }
    var box = append(el("div", "evidence"), el("span", "hint", "Quote:"), words);
    if (text) {
      var title = data.sources[quote.src].title;
      append(box, append(el("div", "hint"), "in " + title + " ",
                         button("read", "Read in the source", "Read the passage in " + title,
                                function () { openReader(quote.src, quote); })));
    }
    return box;
  }
  // ---- the stored text of a source, in a dialog (page-view.js) ----
  var openReader = wmgraphReader(data, { el: el, append: append, safeLink: safeLink });
  api.openReader = openReader;
  function factSentence(fact, here) {
    var relation = relationInfo.get(fact.r);
    var line = el("div", "what");
    var subject = fact.s === here ? el("strong", "", data.entities.get(here).name) : entityButton(fact.s);
    append(line, subject, " " + relation.label);
    if (fact.o) {
      append(line, " ", fact.o === here ? el("strong", "", data.entities.get(here).name) : entityButton(fact.o));
    } else if (fact.t !== null) {
      // Only a direct quotation is shown in quotation marks: reported speech and descriptions are not the speaker's words.
      append(line, ": ", relation.quotation ? el("span", "quote", "\u201c" + fact.t + "\u201d") : el("span", "", fact.t));
    }
    return line;
  }
  // The fact seen from `here`: "funded through X", "Version 1 pledges jobs in", "investment".
  function relativeSentence(fact, here) {
    var label = relationInfo.get(fact.r).label;
    if (fact.s === here) {
      return fact.o ? append(el("span"), label + " ", entityButton(fact.o)) : el("span", "", label);
    }
    var line = append(el("span"), entityButton(fact.s), " " + label);
    return fact.o && fact.o !== here ? append(line, " ", entityButton(fact.o)) : line;
  }
  function factItem(fact, here, index) {
    var item = el("li", "fact");
    item.id = "fact-" + index;
    var s = wmgraphDates.factState(fact, state.day);
    if (s !== "valid") {
      item.classList.add("state-" + s);
      append(item, el("div", "when", wmgraphDates.stateText(fact, s, state.day)));
    }
    append(item, factSentence(fact, here));
    if (fact.fig) { append(item, el("div", "figure", fact.fig)); }
    if (fact.q.length) {
      var qualifiers = el("ul", "qualifiers");
      fact.q.forEach(function (pair) {
        append(qualifiers, append(el("li"), el("span", "name", pair[0] + ": "), el("span", "", pair[1])));
      });
      append(item, qualifiers);
    }
    if (fact.quote) { append(item, evidence(fact.quote)); }
    var sources = el("ul", "sources");
    fact.src.forEach(function (key) { append(sources, sourceItem(key)); });
    return append(item, el("div", "hint", "Source" + (fact.src.length > 1 ? "s" : "") + ":"), sources);
  }
  function byRelation(a, b) {
    var fa = data.facts[a], fb = data.facts[b];
    return (relationOrder.get(fa.r) - relationOrder.get(fb.r)) || (a - b);
  }

  function showEntity(key) {
    var entity = data.entities.get(key);
    var type = typeInfo.get(entity.type);
    panel.textContent = "";
    append(panel, el("h2", "", entity.name),
           append(el("div", "type-line"), swatch(type), el("span", "", type.label)));
    if (entity.aliases.length) { append(panel, el("p", "aliases", "Also known as: " + entity.aliases.join("; "))); }
    if (entity.formerly.length) { append(panel, el("p", "aliases", "Merged from: " + entity.formerly.join(", "))); }
    if (entity.description) { append(panel, el("p", "", entity.description)); }
    if (entity.url) { append(panel, append(el("p"), safeLink(entity.url, entity.url))); }
    if (entity.quote) { append(panel, evidence(entity.quote)); }
    if (big) {
      var group = groups[groupOf.get(key)];
      append(panel, append(el("p", "hint", "In the community "), el("strong", "", group.name),
                           " (" + group.size + " entities) "),
             state.open.has(group.index) ? button("action", "Collapse community", null, function () { collapse(group.index); })
               : button("action", "Expand community", null, function () { expand(group.index, false); }));
    }
    var indices = factsOf.get(key).slice().sort(byRelation);
    var figures = indices.filter(function (i) { return data.facts[i].fig; });
    if (figures.length) {
      var list = el("ul", "figures");
      figures.forEach(function (i) {
        var fact = data.facts[i];
        var item = append(el("li"), el("span", "figure", fact.fig), " ", relativeSentence(fact, key));
        var context = fact.q.filter(function (pair) { return pair[0] !== "note" && fact.fig.indexOf(pair[1]) < 0; })
          .map(function (pair) { return pair[0] + ": " + pair[1]; }).join(" \u00b7 ");
        append(list, append(item, context ? el("div", "hint", context) : null));
      });
      append(panel, el("h3", "", "Key figures"), list);
    }
    wmgraphTimeline(panel, indices, key, { data: data, relationInfo: relationInfo, el: el, append: append,
                                            button: button, day: state.day, pick: pickFact });
    var facts = el("ul", "facts");
    indices.forEach(function (i) { append(facts, factItem(data.facts[i], key, i)); });
    append(panel, el("h3", "", "Facts (" + indices.length + ")"), facts);
    var sources = el("ul", "sources");
    entity.src.forEach(function (s) { append(sources, sourceItem(s)); });
    append(panel, el("h3", "", "Sources for this entity"), sources);
  }

  function showEdge(id) {
    var edge = edgeById(id);
    if (!edge) { return; }
    var relation = relationInfo.get(edge.rel);
    panel.textContent = "";
    append(panel, append(el("h2"), entityButton(edge.from), " " + relation.label + " ", entityButton(edge.to)));
    var facts = el("ul", "facts");
    edge.facts.forEach(function (i) { append(facts, factItem(data.facts[i], null, i)); });
    append(panel, el("h3", "", "Facts (" + edge.facts.length + ")"), facts);
  }

  function showGroup(index) {
    var group = groups[index];
    panel.textContent = "";
    append(panel, el("h2", "", group.name), el("p", "hint", group.size + " entities, named by the most connected"));
    append(panel, state.open.has(index) ? button("action", "Collapse community", null, function () { collapse(index); })
      : button("action", "Expand community", null, function () { expand(index, true); }));
    var list = el("ul", "members");
    group.members.slice(0, 25).forEach(function (key) {
      append(list, append(el("li"), entityButton(key), el("span", "hint", " " + degree.get(key) + " relations")));
    });
    append(panel, el("h3", "", "Most connected members"), list);
  }

  function showOverview() {
    panel.textContent = "";
    document.getElementById("panel-empty").hidden = false;
    if (!big) { return; }
    append(panel, el("h3", "", "Communities (" + groups.length + ")"));
    var list = el("ul", "members");
    groups.slice(0, 40).forEach(function (group) {
      append(list, append(el("li"), button("entity-link", group.name, "Expand the community " + group.name,
                                            function () { expand(group.index, true); }),
                          el("span", "hint", " " + group.size + " entities")));
    });
    append(panel, list);
  }

  function show(kind, id) {
    document.getElementById("panel-empty").hidden = true;
    current = { show: function () {
      if (kind === "node") { showEntity(id); } else if (kind === "group") { showGroup(id); } else { showEdge(id); }
    } };
    current.show();
    if (narrow()) { openDrawer("panel", true); }
  }

  function pickFact(index) {
    var fact = data.facts[index];
    Array.prototype.forEach.call(panel.querySelectorAll(".fact.picked"), function (item) { item.classList.remove("picked"); });
    var item = document.getElementById("fact-" + index);
    if (item) { item.classList.add("picked"); item.scrollIntoView({ block: "nearest" }); }
    var edge = wmgraphPageData.edgeOfFact(edgesOf, fact, index);
    if (edge) {
      [edge.from, edge.to].forEach(function (key) { if (!entityShown(key)) { state.pinned.add(key); state.brought.add(key); } });
      render();
      network.selectEdges([edge.id]);
    } else if (fact.s) {
      network.selectNodes([nodeId(fact.s)]);
    }
    api.picked = index;
  }
  api.pickFact = pickFact;

  // ---- selection, expansion ----
  function selectEntity(key, move) {
    if (!data.entities.has(key)) { return; }
    var type = data.entities.get(key).type;
    if (state.hiddenTypes.has(type)) {
      // The reader asked for it by name: bring its type back rather than select something hidden.
      state.hiddenTypes.delete(type);
      var box = document.querySelector("#type-filters input[value='" + type + "']");
      if (box) { box.checked = true; }
    }
    if (big && !state.open.has(groupOf.get(key))) { state.brought.add(key); }
    if (big && !entityShown(key)) {
      state.pinned.add(key);
      edgesOf.get(key).slice(0, 200).forEach(function (edge) { state.pinned.add(edge.from); state.pinned.add(edge.to); });
    }
    state.selected = key;
    render();
    network.selectNodes([nodeId(key)]);
    if (move) {
      network.focus(nodeId(key), { scale: Math.max(network.getScale(), 0.8), animation: big ? false : { duration: 300 } });
    }
    show("node", key);
    scheduleHash();
  }
  api.selectEntity = selectEntity;

  function expand(index, move) {
    var group = groups[index];
    if (!group) { return; }
    state.open.add(index);
    if (big && group.size > STEP) { state.partial.set(index, new Set(group.members.slice(0, STEP))); nextStep(index); }
    render();
    if (move) {
      fitTo(group.members.filter(function (k) { return !typeHidden(k); }).map(nodeId));
      network.emit("zoom", {});
    }
    show("group", index);
    scheduleHash();
  }
  var STEP = 500;  // members of a big community drawn a frame, most connected first (each node or line is slow to make)
  function nextStep(index) {
    requestAnimationFrame(function () {
      window.setTimeout(function () {
        var part = state.partial.get(index), members = groups[index].members;
        if (!part || !state.open.has(index)) { return; }
        members.slice(part.size, part.size + STEP).forEach(function (key) { part.add(key); });
        if (part.size >= members.length) { state.partial.delete(index); } else { nextStep(index); }
        render();
      }, 0);
    });
  }
  function collapse(index) {
    state.partial.delete(index);
    state.open.delete(index);
    groups[index].members.forEach(function (key) { state.pinned.delete(key); state.brought.delete(key); });
    render();
    if (current) { current.show(); }
    scheduleHash();
  }
  function overview() {
    state.partial.clear();
    state.open.clear();
    state.pinned.clear();
    state.brought.clear();
    state.selected = null;
    render();
    fitVisible();
    current = null;
    showOverview();
  }
  api.expand = expand;
  api.drawing = function () { return state.partial.size > 0; };
  api.collapse = collapse;
  api.overview = overview;
  document.getElementById("overview-button").addEventListener("click", overview);

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = String(params.nodes[0]), key = entityOfNode(id);
      if (key === null) { expand(Number(id.slice(2)), true); return; }
      state.selected = key;
      if (state.pinned.has(key) && !state.brought.has(key)) { state.brought.add(key); render(); } else if (state.focus) { render(); }
      show("node", key);
      scheduleHash();
    } else if (params.edges.length && edgeById(params.edges[0])) {
      show("edge", params.edges[0]);
    }
  });

  // ---- focus: the selected entity's neighbourhood, one degree more or fewer, the rest faded ----
  function showFocus() {
    var degree = state.focus;
    var focusLess = document.getElementById("focus-less"), focusMore = document.getElementById("focus-more");
    document.getElementById("focus-degree").textContent =
      !degree ? "Focus off" : state.selected ? "Focus: " + degree + (degree === 1 ? " degree" : " degrees") : "Focus: select an entity";
    focusLess.disabled = degree === 0;
    focusMore.disabled = degree === wmgraphFocus.MAX_DEGREE;
  }
  function setFocus(degree) {
    state.focus = wmgraphFocus.step(degree, 0);
    render();
    scheduleHash();
  }
  api.setFocus = setFocus;
  document.getElementById("focus-less").addEventListener("click", function () { setFocus(wmgraphFocus.step(state.focus, -1)); });
  document.getElementById("focus-more").addEventListener("click", function () { setFocus(wmgraphFocus.step(state.focus, 1)); });

  // ---- drawers (narrow screens) and keys ----
  function narrow() { return window.matchMedia("(max-width: 760px)").matches; }
  function openDrawer(id, open) {
    var drawer = document.getElementById(id);
    drawer.classList.toggle("open", open);
    document.getElementById(id === "panel" ? "panel-toggle" : "controls-toggle").setAttribute("aria-expanded", String(open));
  }
  document.getElementById("controls-toggle").addEventListener("click", function () {
    openDrawer("controls", !document.getElementById("controls").classList.contains("open"));
    openDrawer("panel", false);
  });
  document.getElementById("panel-toggle").addEventListener("click", function () {
    openDrawer("panel", !panelBox.classList.contains("open"));
    openDrawer("controls", false);
  });
  document.getElementById("panel-close").addEventListener("click", function () { openDrawer("panel", false); });
  // The focused graph: arrow keys pan, + and - zoom, 0 fits everything shown.
  container.addEventListener("keydown", function (event) {
    var scale = network.getScale(), at = network.getViewPosition(), step = 80 / scale;
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      network.moveTo({ position: { x: at.x + moves[event.key][0], y: at.y + moves[event.key][1] }, animation: false });
    } else if (event.key === "+" || event.key === "=") {
      network.moveTo({ scale: scale * 1.25, animation: false });
    } else if (event.key === "-") {
      network.moveTo({ scale: scale / 1.25, animation: false });
    } else if (event.key === "0") {
      fitVisible();
    } else {
      return;
    }
    event.preventDefault();
    scheduleHash();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !document.getElementById("reader").open) { openDrawer("panel", false); openDrawer("controls", false); hideTip(); }
  });

  // ---- the view in the URL, and as a picture ----
  var hashTimer = null;
  var written = null;
  var restoring = false;
  function scheduleHash() {
    if (restoring || !api.ready) { return; }
    window.clearTimeout(hashTimer);
    hashTimer = window.setTimeout(writeHash, 120);
  }
  function writeHash() {
    var at = network.getViewPosition();
    written = wmgraphUrl.writeFragment({
      entity: state.selected, focus: state.focus, hiddenTypes: state.hiddenTypes, hiddenRelations: state.hiddenRelations, day: state.day,
      mode: state.mode, open: state.open, zoom: network.getScale(), at: [at.x, at.y], embed: embed });
    if (location.hash !== written) {
      try { history.replaceState(null, "", written); } catch (error) { location.replace(written); }
    }
  }
  api.writeHash = writeHash;
  function applyHash() {
    var view = wmgraphUrl.readView(wmgraphUrl.parseFragment(location.hash), {
      types: typeInfo, relations: relationInfo, entities: data.entities, formerly: data.formerly,
      groups: big ? groups.length : 0 });
    restoring = true;
    // The sets change in place: the filters' checkboxes hold them.
    [["type-filters", state.hiddenTypes, view.hiddenTypes],
     ["relation-filters", state.hiddenRelations, view.hiddenRelations]].forEach(function (triple) {
      triple[1].clear();
      triple[2].forEach(function (key) { triple[1].add(key); });
      Array.prototype.forEach.call(document.querySelectorAll("#" + triple[0] + " input"), function (box) {
        box.checked = !triple[1].has(box.value);
      });
    });
    setMode(view.mode);
    state.focus = view.focus;
    if (view.day !== null) { useDate(view.day); } else { api.setDate(null); }
    if (big) { state.open = view.open; state.partial.clear(); }
    if (view.entity !== null) { selectEntity(view.entity, view.zoom === null); } else { render(); }
    if (view.zoom !== null) {
      network.moveTo({ position: { x: view.at[0], y: view.at[1] }, scale: view.zoom, animation: false });
    }
    restoring = false;
  }
  window.addEventListener("hashchange", function () { if (location.hash !== written) { applyHash(); } });
  network.on("dragEnd", scheduleHash);
  network.on("zoom", scheduleHash);
  var shrinkTimer = null;
  network.on("zoom", function () {
    if (!big) { return; }
    window.clearTimeout(shrinkTimer);
    shrinkTimer = window.setTimeout(function () {
      var wanted = Math.min(1, overviewScale / network.getScale());
      wanted = Math.pow(2, Math.round(Math.log2(wanted) * 2) / 2);  // in steps, so small zooms change nothing
      if (wanted !== shrink) { shrink = wanted; render(); }
    }, 60);
  });

  function viewPng() {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var context = out.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(canvas, 0, 0);
    return out.toDataURL("image/png");
  }
  api.viewPng = viewPng;
  document.getElementById("png-button").addEventListener("click", function () {
    var link = el("a");
    link.href = viewPng();
    link.download = (state.selected || "wmgraph") + ".png";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  wmgraphSearch(api, data, typeInfo, el, append, selectEntity);
  // ---- ready ----
  function becomeReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.timings.ready = performance.now() - started;
    network.once("afterDrawing", function () { api.timings.drawn = performance.now() - started; });
    if (location.hash.length > 1) {
      applyHash();
    } else if (data.focus && data.entities.has(data.focus)) {
      selectEntity(data.focus, false);
    }
    updateStatus();
    if (!current) { showOverview(); }
  }
  render();
  if (data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      // Keep the settled picture still: nodes can still be dragged, the rest stays put.
      network.setOptions({ physics: { enabled: false } });
      physicsOn = false;
      network.fit();
      // Labels at least 9 px high once fitted (the most connected larger), so the whole view reads.
      var scale = network.getScale();
      network.setOptions({ nodes: { scaling: { label: { min: Math.max(15, 9 / scale), max: Math.max(26, 15 / scale),
                                                         maxVisible: 26 } } } });
      becomeReady();
    });
    network.stabilize(data.options.physics.stabilization.iterations);
  } else {
    fitTo(nodes.getIds({ filter: function (node) { return !node.hidden; } }));
    becomeReady();
  }
}());
