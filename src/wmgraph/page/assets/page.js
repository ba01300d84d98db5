/* wmgraph's page script. Data comes from the JSON block; every piece of it reaches the page
   through textContent or DOM properties, never through innerHTML. */
(function () {
  "use strict";

  var prepared = wmgraphPageData(JSON.parse(document.getElementById("wmgraph-data").textContent));
  var data = prepared.data;
  var typeInfo = prepared.typeInfo;
  var relationInfo = prepared.relationInfo;
  var relationOrder = prepared.relationOrder;
  var factsOf = prepared.factsOf;

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
    return mark;
  }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function showDay(day) {
    var p = day.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + " " + p[0];
  }

  // ---- the network ----
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var api = { data: data, network: network, nodes: nodes, edges: edges, ready: false };
  window.wmgraph = api;
  document.getElementById("title").textContent = data.title;
  document.title = data.title;

  function becomeReady() {
    if (api.ready) { return; }
    api.ready = true;
    if (data.focus && data.entities[data.focus]) { selectEntity(data.focus, false); }
    updateStatus();
  }
  if (data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      // Keep the settled picture still: nodes can still be dragged, the rest stays put.
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      becomeReady();
    });
  } else {
    network.once("afterDrawing", becomeReady);
  }

  // ---- filters and the as-of date ----
  var state = { hiddenTypes: {}, hiddenRelations: {}, day: null, mode: "fade" };
  var edgeState = {};
  var nodeHidden = {};
  data.nodes.forEach(function (node) { nodeHidden[node.id] = false; });
  data.edges.forEach(function (edge) { edgeState[edge.id] = "vn"; });

  function factValid(fact, day) {
    return (!fact.from || fact.from <= day) && (!fact.to || day <= fact.to);
  }
  function edgeValid(edge, day) {
    return edge.facts.some(function (index) { return factValid(data.facts[index], day); });
  }

  function applyFilters() {
    var nodeChanges = [];
    data.nodes.forEach(function (node) {
      var hidden = !!state.hiddenTypes[node.etype];
      if (nodeHidden[node.id] !== hidden) {
        nodeHidden[node.id] = hidden;
        nodeChanges.push({ id: node.id, hidden: hidden });
      }
    });
    var edgeChanges = [];
    data.edges.forEach(function (edge) {
      var valid = state.day === null || edgeValid(edge, state.day);
      var hidden = !!state.hiddenRelations[edge.rel] || nodeHidden[edge.from] || nodeHidden[edge.to] ||
        (!valid && state.mode === "hide");
      var faded = !valid && !hidden;
      var key = (hidden ? "h" : "v") + (faded ? "f" : "n");
      if (edgeState[edge.id] !== key) {
        edgeState[edge.id] = key;
        edgeChanges.push({
          id: edge.id, hidden: hidden,
          color: { color: edge.color.color, opacity: faded ? 0.12 : 1.0 },
          font: { color: faded ? "#d0d0d0" : "#444444" }
        });
      }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    updateStatus();
    if (current) { current.show(); }
  }

  function visibleCounts() {
    var shownNodes = data.nodes.filter(function (n) { return !nodeHidden[n.id]; }).length;
    var shownEdges = 0;
    var validEdges = 0;
    data.edges.forEach(function (edge) {
      var s = edgeState[edge.id] || "vn";
      if (s.charAt(0) === "v") { shownEdges++; if (s.charAt(1) === "n") { validEdges++; } }
    });
    return { nodes: shownNodes, edges: shownEdges, valid: validEdges };
  }
  api.visibleCounts = visibleCounts;

  function updateStatus() {
    var c = visibleCounts();
    var text = c.nodes + " of " + data.nodes.length + " entities, " + c.edges + " of " + data.edges.length +
      " relations shown";
    if (state.day !== null) { text += "; " + c.valid + " valid on " + showDay(state.day); }
    if (data.big) { text += " (laid out ahead of time; physics off)"; }
    if (!api.ready) { text += "; laying out\u2026"; }
    document.getElementById("status").textContent = text;
  }

  function filterList(listId, items, hiddenMap, makeMark) {
    var list = document.getElementById(listId);
    items.forEach(function (item) {
      if (item.edge === false) { return; }
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.key;
      box.addEventListener("change", function () {
        hiddenMap[item.key] = !box.checked;
        applyFilters();
      });
      var label = append(el("label"), box, makeMark(item), el("span", "", item.label),
                         el("span", "count", item.count));
      append(list, append(el("li"), label));
    });
  }
  filterList("type-filters", data.types, state.hiddenTypes, swatch);
  filterList("relation-filters", data.relations, state.hiddenRelations, function (r) {
    var line = el("span", "line");
    line.style.background = r.colour;
    return line;
  });

  var dateEnabled = document.getElementById("date-enabled");
  var dateInput = document.getElementById("date-input");
  var slider = document.getElementById("date-slider");
  var firstMonth = 0;
  function monthIndex(day) { var p = day.split("-"); return Number(p[0]) * 12 + Number(p[1]) - 1; }
  function monthDay(index) {
    var month = String(index % 12 + 1);
    return Math.floor(index / 12) + "-" + (month.length < 2 ? "0" + month : month) + "-01";
  }
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
    applyFilters();
  }
  function useDate(day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) { return; }
    dateInput.value = day;
    slider.value = String(Math.max(0, Math.min(Number(slider.max), monthIndex(day) - firstMonth)));
    dateEnabled.checked = true;
    setDay(day);
  }
  api.setDate = function (day) { if (day === null) { dateEnabled.checked = false; setDay(null); } else { useDate(day); } };
  dateEnabled.addEventListener("change", function () { setDay(dateEnabled.checked ? dateInput.value : null); });
  dateInput.addEventListener("change", function () { useDate(dateInput.value); });
  slider.addEventListener("input", function () { useDate(monthDay(firstMonth + Number(slider.value))); });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=date-mode]"), function (radio) {
    radio.addEventListener("change", function () { state.mode = radio.value; applyFilters(); });
  });

  // ---- the side panel ----
  var panel = document.getElementById("panel-body");
  var current = null;

  function entityButton(key) {
    var entity = data.entities[key];
    if (!entity) { return el("span", "", key); }
    var button = el("button", "entity-link", entity.name);
    button.type = "button";
    button.addEventListener("click", function () { selectEntity(key, true); });
    return button;
  }
  function sourceItem(key) {
    var source = data.sources[key];
    var item = el("li");
    if (!source) { return append(item, key); }
    append(item, safeLink(source.url, source.title));
    var details = [source.publisher, source.authors, source.date].filter(Boolean).join(", ");
    if (details) { append(item, " (" + details + ")"); }
    return item;
  }
  function factSentence(fact, here) {
    var relation = relationInfo[fact.r];
    var line = el("div", "what");
    var subject = fact.s === here ? el("strong", "", data.entities[here].name) : entityButton(fact.s);
    append(line, subject, " " + relation.label);
    if (fact.o) {
      append(line, " ", fact.o === here ? el("strong", "", data.entities[here].name) : entityButton(fact.o));
    } else if (fact.t !== null) {
      append(line, ": ", el("span", "quote", "\u201c" + fact.t + "\u201d"));
    }
    return line;
  }
  // The fact seen from `here`: "funded through X", "Version 1 pledges jobs in", "investment".
  function relativeSentence(fact, here) {
    var label = relationInfo[fact.r].label;
    if (fact.s === here) {
      return fact.o ? append(el("span"), label + " ", entityButton(fact.o)) : el("span", "", label);
    }
    var line = append(el("span"), entityButton(fact.s), " " + label);
    return fact.o && fact.o !== here ? append(line, " ", entityButton(fact.o)) : line;
  }
  function factItem(fact, here) {
    var item = el("li", "fact");
    if (state.day !== null && !factValid(fact, state.day)) {
      item.classList.add("not-valid");
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
    if (state.day !== null && !factValid(fact, state.day)) {
      append(item, el("div", "hint", "Not valid on " + showDay(state.day)));
    }
    var sources = el("ul", "sources");
    fact.src.forEach(function (key) { append(sources, sourceItem(key)); });
    return append(item, el("div", "hint", "Source" + (fact.src.length > 1 ? "s" : "") + ":"), sources);
  }
  function byRelation(a, b) {
    var fa = data.facts[a], fb = data.facts[b];
    // Facts come in the order of their ids.
    return (relationOrder[fa.r] - relationOrder[fb.r]) || (a - b);
  }

  function showEntity(key) {
    var entity = data.entities[key];
    var type = typeInfo[entity.type];
    panel.textContent = "";
    append(panel, el("h2", "", entity.name),
           append(el("div", "type-line"), swatch(type), el("span", "", type.label)));
    if (entity.aliases.length) { append(panel, el("p", "aliases", "Also known as: " + entity.aliases.join("; "))); }
    if (entity.description) { append(panel, el("p", "", entity.description)); }
    if (entity.url) { append(panel, append(el("p"), safeLink(entity.url, entity.url))); }
    var indices = factsOf[key].slice().sort(byRelation);
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
    var facts = el("ul", "facts");
    indices.forEach(function (i) { append(facts, factItem(data.facts[i], key)); });
    append(panel, el("h3", "", "Facts (" + indices.length + ")"), facts);
    var sources = el("ul", "sources");
    entity.src.forEach(function (s) { append(sources, sourceItem(s)); });
    append(panel, el("h3", "", "Sources for this entity"), sources);
  }

  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    var relation = relationInfo[edge.rel];
    panel.textContent = "";
    append(panel, append(el("h2"), entityButton(edge.from), " " + relation.label + " ", entityButton(edge.to)));
    var facts = el("ul", "facts");
    edge.facts.forEach(function (i) { append(facts, factItem(data.facts[i], null)); });
    append(panel, el("h3", "", "Facts (" + edge.facts.length + ")"), facts);
  }

  function show(kind, id) {
    document.getElementById("panel-empty").hidden = true;
    current = { show: function () { if (kind === "node") { showEntity(id); } else { showEdge(id); } } };
    current.show();
  }

  function selectEntity(key, move) {
    var type = data.entities[key].type;
    if (state.hiddenTypes[type]) {
      // The reader asked for it by name: bring its type back rather than select something hidden.
      state.hiddenTypes[type] = false;
      var box = document.querySelector("#type-filters input[value='" + type + "']");
      if (box) { box.checked = true; }
      applyFilters();
    }
    network.selectNodes([key]);
    if (move) {
      network.focus(key, { scale: Math.max(network.getScale(), 1.0), animation: data.big ? false : { duration: 400 } });
    }
    show("node", key);
  }
  api.selectEntity = selectEntity;

  network.on("click", function (params) {
    if (params.nodes.length) { show("node", params.nodes[0]); } else if (params.edges.length) { show("edge", params.edges[0]); }
  });

  // ---- search by name or alias ----
  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  var searchIndex = Object.keys(data.entities).map(function (key) {
    var entity = data.entities[key];
    var names = [entity.name].concat(entity.aliases);
    return { key: key, names: names, plain: names.map(normalise) };
  });
  function findEntities(query) {
    var q = normalise(query);
    if (!q) { return []; }
    var words = q.split(" ");
    var found = [];
    searchIndex.forEach(function (item) {
      var best = null;
      item.plain.forEach(function (name, i) {
        var score = name === q ? 0 : name.indexOf(q) === 0 ? 1 : name.indexOf(q) >= 0 ? 2 :
          words.every(function (w) { return name.indexOf(w) >= 0; }) ? 3 : null;
        if (score !== null && (best === null || score < best.score)) { best = { score: score, name: i }; }
      });
      if (best !== null) { found.push({ key: item.key, score: best.score, via: item.names[best.name] }); }
    });
    found.sort(function (a, b) {
      var na = data.entities[a.key].name, nb = data.entities[b.key].name;
      return (a.score - b.score) || (na < nb ? -1 : na > nb ? 1 : 0);
    });
    return found.slice(0, 30);
  }
  api.findEntities = findEntities;

  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var matches = [];
  var active = -1;
  function closeResults() {
    results.hidden = true;
    results.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    matches = [];
    active = -1;
  }
  function renderResults() {
    results.textContent = "";
    matches.forEach(function (match, i) {
      var entity = data.entities[match.key];
      var item = el("li");
      item.id = "search-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      append(item, el("span", "", entity.name));
      if (match.via !== entity.name) { append(item, el("span", "alias", "(" + match.via + ")")); }
      append(item, el("span", "kind", typeInfo[entity.type].label));
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
      append(results, item);
    });
    if (!matches.length) { append(results, el("li", "hint", "No entity has that name or alias")); }
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", "search-option-" + active);
      document.getElementById("search-option-" + active).scrollIntoView({ block: "nearest" });
    }
  }
  function choose(i) {
    var match = matches[i];
    if (!match) { return; }
    input.value = data.entities[match.key].name;
    closeResults();
    selectEntity(match.key, true);
  }
  input.addEventListener("input", function () {
    if (!input.value.trim()) { closeResults(); return; }
    matches = findEntities(input.value);
    active = matches.length ? 0 : -1;
    renderResults();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!matches.length) { return; }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + matches.length) % matches.length;
      renderResults();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.value = "";
      closeResults();
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(closeResults, 150); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input && document.activeElement.tagName !== "INPUT") {
      event.preventDefault();
      input.focus();
    }
  });

  applyFilters();
}());
