/* wmgraph's page: the query engine. Oxigraph's WebAssembly build and the graph's Turtle sit in the page as
   base64 of gzip; the first question starts a Worker (the engine's module made a classic script,
   since a page opened from file: cannot start a module Worker, then workerMain below) that decodes and loads them, so the page opens as fast without it and a long
   query never freezes the page: stopping a query ends the Worker, and the next question starts
   another. window.wmgraph.query(name, params) answers a library query as `wmgraph query` does. A page
   too big for the engine carries the build's answers to the questions without parameters instead,
   and names the command that answers the others. */
(function () {
  "use strict";
  var api = window.wmgraph;
  var sparql = api.data.sparql;
  var Q = wmgraphQuery;
  var TIME_LIMIT = 60000;  // ms; the reader can stop a query sooner
  var library = new Map(sparql.queries.map(function (q) { return [q.name, Q.parseHeader(q.name, q.text)]; }));
  // A page too big for the engine: the build's answers to the questions without parameters.
  var answers = new Map((sparql.answers || []).map(function (a) { return [a.name, a]; }));
  var TOO_BIG = sparql.answers ? "this page is too big to carry the query engine: " : "this page carries no query engine: ";
  var engine = null;  // { worker, ready: Promise, pending: Map of id -> {resolve, reject, timer} }
  var nextId = 1;

  // Runs inside the Worker, after the engine's module text: initSync and Store are its bindings.
  function workerMain() {
    var store = null;
    function inflate(bytes) {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
    }
    function load(message) {
      return inflate(message.wasm).then(function (wasm) {
        /* global initSync, Store */
        initSync({ module: wasm });
        return inflate(message.turtle);
      }).then(function (turtle) {
        store = new Store();
        store.load(turtle, { format: "text/turtle" });
        return { triples: store.size };
      });
    }
    function answer(message) {
      for (var i = 0; i < message.checks.length; i++) {
        var check = message.checks[i];
        if (!store.query("ASK { " + check.term + " ?p ?o }")) {
          throw new Error("parameter '" + check.name + "': no entity '" + check.shown + "' in the graph");
        }
      }
      var format = message.graph ? "application/n-triples" : "application/sparql-results+json";
      return store.query(message.text, { results_format: format });
    }
    self.onmessage = function (event) {
      var message = event.data;
      var started = performance.now();
      Promise.resolve().then(function () {
        return message.op === "load" ? load(message) : answer(message);
      }).then(function (result) {
        self.postMessage({ id: message.id, ok: true, result: result, ms: performance.now() - started });
      }, function (error) {
        self.postMessage({ id: message.id, ok: false, error: String(error && error.message || error) });
      });
    };
  }

  // The engine's ES module as a classic script: its exports become plain declarations (import.meta
  // is only read when no wasm is given, which never happens here).
  function classic(module) {
    return module.replace(/^export \{[^}]*\};?[ \t]*$/mg, "").replace(/^export (?=(?:async )?(?:class|function|const|let) )/mg, "")
      .replace(/import\.meta\.url/g, "self.location.href");
  }
  function textOf(id) { var node = document.getElementById(id); return node ? node.textContent : ""; }
  function decode64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes;
  }
  function send(message, limit) {
    var id = nextId++;
    message.id = id;
    var current = engine;
    return new Promise(function (resolve, reject) {
      var entry = { resolve: resolve, reject: reject, timer: null };
      if (limit) {
        entry.timer = setTimeout(function () {
          stop("the query took longer than " + Math.round(limit / 1000) + " s and was stopped");
        }, limit);
      }
      current.pending.set(id, entry);
      current.worker.postMessage(message);
    });
  }
  function start() {
    if (engine) { return engine.ready; }
    if (!sparql.engine) {
      return Promise.reject(new Error("this page carries no query engine (the graph is too big): " +
                                      "run 'wmgraph query' on the graph instead"));
    }
    var source = classic(textOf("wmgraph-engine")) + "\n(" + workerMain.toString() + ")();\n";
    var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    var worker = new Worker(url);
    var current = { worker: worker, pending: new Map(), ready: null, loadMs: null };
    engine = current;
    worker.onmessage = function (event) {
      var reply = event.data;
      var entry = current.pending.get(reply.id);
      if (!entry) { return; }
      current.pending.delete(reply.id);
      clearTimeout(entry.timer);
      if (reply.ok) { entry.resolve(reply); } else { entry.reject(new Error(reply.error)); }
    };
    worker.onerror = function (event) { stop("the query engine failed: " + (event.message || "unknown error")); };
    var began = performance.now();
    current.ready = send({ op: "load", wasm: decode64(textOf("wmgraph-wasm")),
                           turtle: decode64(textOf("wmgraph-turtle")) }, 0).then(function (reply) {
      URL.revokeObjectURL(url);
      current.loadMs = performance.now() - began;
      api.timings.engine = current.loadMs;
      return reply.result;
    });
    return current.ready;
  }
  // End the Worker (a running query with it); every waiting answer fails with `why`.
  function stop(why) {
    var current = engine;
    if (!current) { return; }
    engine = null;
    current.worker.terminate();
    current.pending.forEach(function (entry) { clearTimeout(entry.timer); entry.reject(new Error(why)); });
    current.pending.clear();
  }
  function run(text, checks, separators, options) {
    if (Q.isUpdate(text)) {
      return Promise.reject(new Error("the page answers read-only queries: INSERT, DELETE, LOAD, CLEAR and " +
                                      "other updates are refused"));
    }
    var graph = ["construct", "describe"].indexOf(Q.queryForm(text)) >= 0;
    var limit = options && options.timeout !== undefined ? options.timeout : TIME_LIMIT;
    return start().then(function () {
      return send({ op: "query", text: Q.prelude(sparql.prefixes) + text, checks: checks, graph: graph }, limit);
    }).then(function (reply) {
      api.timings.query = reply.ms;
      if (graph) { return { triples: reply.result }; }
      return Q.orderLists(JSON.parse(reply.result), separators);
    });
  }

  // An error that names the `wmgraph query` command answering what the page cannot.
  function commandError(why, command) {
    var error = new Error(why + "run " + command);
    error.command = command;
    return error;
  }
  // Without the engine: the build's answer when the values are the defaults, else the command to run.
  function precomputed(query, params) {
    var changed = Q.changedParams(query, params);
    var command = Q.command(query.name, changed);
    var answer = answers.get(query.name);
    if (Object.keys(changed).length || !answer) {
      var needs = query.params.some(function (p) { return p.required; });
      return Promise.reject(commandError(TOO_BIG + (answer ? "with these values, " : needs ? "this question needs values: " : ""),
                                         command));
    }
    if (answer.error !== undefined) { return Promise.reject(new Error(answer.error)); }
    var results = Q.expandAnswer(answer, sparql.base);
    if (answer.count !== undefined) {
      results.precomputed = { count: answer.count, shown: answer.rows.length, command: command };
    }
    return Promise.resolve(results);
  }

  // A library query by name with the CLI's --param names and values: a Promise of SPARQL JSON results.
  api.query = function (name, params, options) {
    var query = library.get(name);
    if (!query) {
      return Promise.reject(new Error("no query '" + name + "' in the library (it has: " +
                                      Array.from(library.keys()).join(", ") + ")"));
    }
    if (!sparql.engine) { return precomputed(query, params || {}); }
    var bindings, text;
    try {
      bindings = Q.bind(query, params || {}, sparql);
      text = Q.withValues(query.text, bindings);
    } catch (error) {
      return Promise.reject(error);
    }
    var checks = query.params.filter(function (p) { return p.type === "entity" && bindings[p.name]; })
      .map(function (p) {
        var value = bindings[p.name].value;
        return { name: p.name, term: Q.n3(bindings[p.name]),
                 shown: value.startsWith(sparql.base) ? value.slice(sparql.base.length) : value };
      });
    return run(text, checks, Q.groupConcats(query.text), options);
  };
  // Any read-only SPARQL query (the project's prefixes declared): a Promise of SPARQL JSON results.
  api.sparql = function (text, options) {
    if (!sparql.engine) { return Promise.reject(commandError(TOO_BIG, Q.textCommand(String(text)))); }
    return run(String(text), [], Q.groupConcats(String(text)), options);
  };
  // The library as the page reads it: name, description, parameters and totals of each query.
  api.queries = function () { return Array.from(library.values()); };
  api.stopQuery = function () { stop("stopped by the reader"); };
  api.loadEngine = start;
}());
