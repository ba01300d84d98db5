/* wmgraph's page: the questions panel. Pick a library query, fill its blanks (entity blanks from the
   page's own search), read the answer as a table whose entity cells select the entity, download it
   as CSV, or write any read-only SPARQL query. Every text goes in with textContent. */
(function () {
  "use strict";
  var api = window.wmgraph;
  var sparql = api.data.sparql;
  var dialog = document.getElementById("questions");
  var picker = document.getElementById("q-select");
  var about = document.getElementById("q-description");
  var fields = document.getElementById("q-params");
  var status = document.getElementById("q-status");
  var table = document.getElementById("q-table");
  var askButton = document.getElementById("q-ask");
  var stopButton = document.getElementById("q-stop");
  var csvButton = document.getElementById("q-csv");
  var expert = document.getElementById("q-text");
  var commandBox = document.getElementById("q-command-box");
  var commandText = document.getElementById("q-command");
  var last = null;  // { name, results } of the answer shown
  var queries = api.queries();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function say(text) { status.textContent = text; }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  queries.forEach(function (query) { picker.appendChild(el("option", "", query.name)).value = query.name; });
  function current() { return queries.filter(function (q) { return q.name === picker.value; })[0]; }

  // The command that answers a question outside the page, shown as text to copy (or hidden with null).
  function showCommand(command) {
    commandBox.hidden = command === null;
    commandText.textContent = command === null ? "" : command;
  }
  // On a page without the engine: what the chosen question and its values get, and the command for the rest.
  function explain() {
    var query = current();
    if (sparql.engine || !query) { return; }
    var changed = wmgraphQuery.changedParams(query, values());
    var answered = (sparql.answers || []).some(function (a) { return a.name === query.name; });
    showCommand(wmgraphQuery.command(query.name, changed));
    say(answered && !Object.keys(changed).length
      ? "This page is too big to carry the query engine: Ask shows the answer worked out when the page was " +
        "built; with other values, run the command below."
      : (sparql.answers ? "This page is too big to carry the query engine" : "This page carries no query engine") +
        ": run the command below for this question.");
  }
  function entityField(input, list) {
    input.setAttribute("list", list.id);
    input.addEventListener("input", function () {
      list.textContent = "";
      if (input.value.length < 2) { return; }
      api.findEntities(input.value).slice(0, 12).forEach(function (match) {
        var option = el("option", "", match.via);
        option.value = match.key;
        list.appendChild(option);
      });
    });
  }
  function showQuery() {
    var query = current();
    fields.textContent = "";
    about.textContent = query ? query.description : "";
    if (!query) { return; }
    query.params.forEach(function (param) {
      var id = "q-param-" + param.name;
      var label = el("label", "q-param", param.name + (param.required ? "" : " (optional)"));
      label.htmlFor = id;
      var input = el("input");
      input.id = id;
      input.name = param.name;
      input.autocomplete = "off";
      input.placeholder = param.value !== null ? param.value : param.type;
      input.title = param.description;
      fields.appendChild(label);
      fields.appendChild(input);
      if (param.type === "entity") {
        var list = el("datalist");
        list.id = id + "-list";
        fields.appendChild(list);
        entityField(input, list);
      }
      fields.appendChild(el("span", "hint", param.description));
    });
    explain();
  }
  function values() {
    var given = {};
    Array.prototype.forEach.call(fields.querySelectorAll("input"), function (input) {
      if (input.value.trim()) { given[input.name] = input.value.trim(); }
    });
    return given;
  }

  // The answer as a table: an IRI of an entity of the page is a button that selects it.
  function cell(term) {
    var td = el("td");
    if (!term) { return td; }
    var key = term.type === "uri" && term.value.startsWith(sparql.base) ? term.value.slice(sparql.base.length) : null;
    if (key !== null && api.data.entities.has(key)) {
      var button = el("button", "q-entity", api.data.entities.get(key).name);
      button.type = "button";
      button.title = key;
      button.addEventListener("click", function () { api.selectEntity(key); });
      td.appendChild(button);
    } else {
      td.textContent = term.value;
    }
    return td;
  }
  function showAnswer(name, results, ms) {
    last = { name: name, results: results };
    table.textContent = "";
    csvButton.disabled = false;
    showCommand(results.precomputed && results.precomputed.shown < results.precomputed.count
      ? results.precomputed.command : null);
    if (results.triples !== undefined) {
      table.appendChild(el("pre", "", results.triples));
      csvButton.disabled = true;
      say("Answered in " + Math.round(ms) + " ms");
      return;
    }
    if (!results.results) { say("Answer: " + (results.boolean ? "yes" : "no")); return; }
    var grid = el("table");
    var head = grid.appendChild(el("thead")).appendChild(el("tr"));
    results.head.vars.forEach(function (name) { head.appendChild(el("th", "", name)); });
    var body = grid.appendChild(el("tbody"));
    results.results.bindings.forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      results.head.vars.forEach(function (name) { tr.appendChild(cell(row[name])); });
    });
    table.appendChild(grid);
    var rows = results.results.bindings.length;
    var made = results.precomputed;
    if (!made) { say(rows + (rows === 1 ? " row" : " rows") + " in " + Math.round(ms) + " ms"); return; }
    say(made.shown < made.count
      ? "The first " + thousands(made.shown) + " of " + thousands(made.count) + " rows, worked out when the page " +
        "was built: run the command below for all of them"
      : rows + (rows === 1 ? " row" : " rows") + ", worked out when the page was built");
  }
  function ask(name, promise) {
    var began = performance.now();
    askButton.disabled = true;
    stopButton.disabled = false;
    showCommand(null);
    say(api.timings.engine || !sparql.engine ? "Asking\u2026" : "Loading the query engine and the graph\u2026");
    promise.then(function (results) {
      showAnswer(name, results, api.timings.query || performance.now() - began);
    }, function (error) {
      table.textContent = "";
      last = null;
      csvButton.disabled = true;
      say(error.message);
      showCommand(error.command || null);
    }).then(function () { askButton.disabled = false; stopButton.disabled = true; });
  }

  picker.addEventListener("change", showQuery);
  fields.addEventListener("input", explain);
  document.getElementById("q-copy").addEventListener("click", function () {
    var range = document.createRange();
    range.selectNodeContents(commandText);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    if (navigator.clipboard) { navigator.clipboard.writeText(commandText.textContent).catch(function () {}); }
  });
  document.getElementById("q-form").addEventListener("submit", function (event) {
    event.preventDefault();
    ask(picker.value, api.query(picker.value, values()));
  });
  document.getElementById("q-run").addEventListener("click", function () { ask("query", api.sparql(expert.value)); });
  stopButton.addEventListener("click", function () { api.stopQuery(); });
  csvButton.addEventListener("click", function () {
    if (!last) { return; }
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([wmgraphQuery.toCsv(last.results)], { type: "text/csv" }));
    link.download = last.name + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  document.getElementById("questions-button").addEventListener("click", function () {
    if (dialog.open) { dialog.close(); return; }
    dialog.show();
    if (sparql.engine && !api.timings.engine) {
      say("Loading the query engine and the graph\u2026");
      api.loadEngine().then(function (info) {
        say("Ready: " + info.triples + " triples loaded in " + (api.timings.engine / 1000).toFixed(1) + " s");
      }, function (error) { say(error.message); });
    }
  });
  document.getElementById("questions-close").addEventListener("click", function () { dialog.close(); });
  showQuery();
}());
