/* wmgraph's page: the search box (page-search.js finds the matches), the timeline of an entity's dated facts and the
   reader of a source's stored text. Text only through textContent and attributes, never innerHTML. */

// Search: the box in the header, its list of matches, and the keys that move through them.
function wmgraphSearch(api, data, typeInfo, el, append, selectEntity) {
  "use strict";
  var searchIndex = wmgraphFind.makeIndex(data.entities);  // once, as the page opens: no search waits for it
  function findEntities(query) { return wmgraphFind.findEntities(searchIndex, query); }
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
      var entity = data.entities.get(match.key);
      var item = el("li");
      item.id = "search-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      append(item, el("span", "", entity.name));
      if (match.via !== entity.name) { append(item, el("span", "alias", "(" + match.via + ")")); }
      append(item, el("span", "kind", typeInfo.get(entity.type).label));
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
    input.value = data.entities.get(match.key).name;
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
}

// Timeline: the entity's dated facts as bars on one time axis; a bar selects its relation in the graph.
function wmgraphTimeline(panel, indices, here, tools) {
  "use strict";
  var data = tools.data, el = tools.el, append = tools.append;
  var dated = indices.filter(function (i) { return data.facts[i].from || data.facts[i].to; });
  if (!dated.length) { return; }
  var days = [];
  dated.forEach(function (i) { [data.facts[i].from, data.facts[i].to].forEach(function (d) { if (d) { days.push(d); } }); });
  if (tools.day) { days.push(tools.day); }
  days.sort();
  var dayNumber = wmgraphDates.dayNumber, showDay = wmgraphDates.showDay;
  var first = dayNumber(days[0]), last = dayNumber(days[days.length - 1]);
  var span = Math.max(1, last - first);
  function at(day) { return Math.max(0, Math.min(100, (dayNumber(day) - first) / span * 100)); }
  var box = el("div", "timeline");
  box.setAttribute("role", "list");
  box.setAttribute("aria-label", "Timeline of dated facts");
  dated.slice(0, 60).forEach(function (i) {
    var fact = data.facts[i];
    var relation = tools.relationInfo.get(fact.r);
    var other = fact.s === here ? fact.o : fact.s;
    var what = relation.label + (other ? " " + data.entities.get(other).name : "");
    var when = (fact.from ? showDay(fact.from) : "\u2026") + " \u2013 " + (fact.to ? showDay(fact.to) : "\u2026");
    var start = fact.from ? at(fact.from) : 0, end = fact.to ? at(fact.to) : 100;
    var bar = tools.button("span" + (fact.to ? "" : " open"), "", what + ", " + when, function () { tools.pick(i); });
    bar.style.left = start + "%";
    bar.style.width = "calc(" + Math.max(0, end - start) + "% + 2px)";
    bar.style.background = relation.colour;
    bar.dataset.fact = String(i);
    append(box, append(el("div", "track"), bar));
  });
  if (tools.day) {
    var now = el("div", "now");
    now.style.left = at(tools.day) + "%";
    now.setAttribute("aria-hidden", "true");
    append(box, now);
  }
  append(panel, el("h3", "", "Timeline (" + dated.length + " dated facts)"), box,
         append(el("div", "axis"), el("span", "", showDay(days[0])), el("span", "", showDay(days[days.length - 1]))));
}

// The stored text of a source, in a dialog, the passage of a quote marked and scrolled to; gives the function that opens it.
function wmgraphReader(data, tools) {
  "use strict";
  var el = tools.el, append = tools.append;
  var reader = document.getElementById("reader");
  var readerText = document.getElementById("reader-text");
  function openReader(key, quote) {
    var source = data.sources[key], text = data.texts[key];
    if (!source || !text) { return; }
    document.getElementById("reader-title").textContent = source.title;
    var meta = document.getElementById("reader-meta");
    meta.textContent = "";
    var details = [source.publisher, source.authors, source.date].filter(Boolean).join(", ");
    append(meta, details ? details + ". " : "", "Stored text, as the graph keeps it. ",
           source.url ? tools.safeLink(source.url, "The original") : null);
    readerText.textContent = "";
    var mark = null;
    if (quote && quote.src === key) {
      mark = el("mark", "", text.slice(quote.start, quote.end));
      append(readerText, text.slice(0, quote.start), mark, text.slice(quote.end));
    } else {
      append(readerText, text);
    }
    if (!reader.open) { reader.showModal(); }
    readerText.scrollTop = 0;
    if (mark) { mark.scrollIntoView({ block: "center" }); }
    readerText.focus();
  }
  document.getElementById("reader-close").addEventListener("click", function () { reader.close(); });
  reader.addEventListener("click", function (event) { if (event.target === reader) { reader.close(); } });
  return openReader;
}
