/* wmgraph's page: the query library read as `wmgraph query` reads it (src/wmgraph/query/library.py and
   text.py): a query's header, its parameters made RDF terms, the VALUES block that binds them at the
   start of the WHERE group, and GROUP_CONCAT lists put in order. No DOM: page-engine.js runs them. */
var wmgraphQuery = (function () {
  "use strict";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var TYPES = ["entity", "iri", "date", "integer", "decimal", "string"];
  var PARAM = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z]+)(\?|=(\S+))?\s*(.*)$/;
  var TOTAL = /^@total((?:\s+[A-Za-z_][A-Za-z0-9_]*)+)\s*$/;
  var SLUG = /^[a-z0-9][a-z0-9-]*$/;
  var PREFIXED = /^([A-Za-z][A-Za-z0-9_-]*)?:([A-Za-z0-9_][A-Za-z0-9_./-]*)?$/;
  var INTEGER = /^[+-]?\d+$/;
  var DECIMAL = /^[+-]?\d*\.\d+$/;
  var OPAQUE = new RegExp('"""(?:[^"\\\\]|\\\\.|"(?!""))*"""|\'\'\'(?:[^\'\\\\]|\\\\.|\'(?!\'\'))*\'\'\'' +
    '|"(?:[^"\\\\\\n]|\\\\.)*"|\'(?:[^\'\\\\\\n]|\\\\.)*\'|<[^<>"{}|^`\\\\\\s]*>|#[^\\n]*', "g");
  var FORM = /(^|[^\w?$:.-])(SELECT|CONSTRUCT|ASK|DESCRIBE)(?![\w:-])/i;
  var UPDATE = /(^|[^\w?$:.-])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])/i;
  var CONCAT = /(^|[^\w?$:.-])GROUP_CONCAT\s*\(/gi;
  var AS = /^\s*AS\s*[?$]([A-Za-z_][A-Za-z0-9_]*)/i;
  var SEPARATOR = /;\s*separator\s*=\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/i;
  var ESCAPES = { t: "\t", n: "\n", r: "\r", b: "\b", f: "\f" };

  function UsageError(message) { var error = new Error(message); error.name = "UsageError"; return error; }

  // The header: the first comment line describes the query; @param and @total lines declare.
  function parseHeader(name, text) {
    var query = { name: name, text: text, description: "", params: [], totals: [] };
    var lines = text.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (!line.startsWith("#")) { break; }
      var body = line.replace(/^#+/, "").trim();
      var param = PARAM.exec(body);
      var total = TOTAL.exec(body);
      if (param && TYPES.indexOf(param[2]) >= 0) {
        query.params.push({ name: param[1], type: param[2], required: !param[3],
                            value: param[4] === undefined ? null : param[4], description: param[5] });
      } else if (total) {
        query.totals = query.totals.concat(total[1].trim().split(/\s+/));
      } else if (body && !query.description && !body.startsWith("@")) {
        query.description = body;
      }
    }
    return query;
  }

  // The text with comments, strings and IRIs made spaces (same length, so indexes still match).
  function blankOut(text) {
    return text.replace(OPAQUE, function (match) { return " ".repeat(match.length); });
  }
  function queryForm(text) {
    var match = FORM.exec(blankOut(text));
    return match ? match[2].toLowerCase() : "select";
  }
  // An update keyword before any query form: the page answers only read-only queries.
  function isUpdate(text) {
    var blank = blankOut(text);
    var update = UPDATE.exec(blank);
    var form = FORM.exec(blank);
    return !!update && (!form || update.index < form.index);
  }
  // Where each top-level { opens.
  function topLevelBraces(blank) {
    var found = [];
    var depth = 0;
    for (var i = 0; i < blank.length; i++) {
      if (blank[i] === "{") { if (depth === 0) { found.push(i); } depth++; }
      else if (blank[i] === "}") { depth = Math.max(depth - 1, 0); }
    }
    return found;
  }
  function whereBrace(text) {
    var blank = blankOut(text);
    var braces = topLevelBraces(blank);
    var form = FORM.exec(blank);
    if (!braces.length) { throw new Error("cannot bind parameters: the query has no WHERE { ... } group"); }
    if (form && form[2].toUpperCase() === "CONSTRUCT") {
      var between = blank.slice(form.index + form[0].length, braces[0]);
      if (!/\bWHERE\b/i.test(between) && braces.length > 1) { return braces[1]; }
    }
    return braces[0];
  }

  // N-Triples spelling of a term: {kind: "iri"|"literal", value, datatype}.
  function escapeString(text) {
    return text.replace(/[\\"\n\r]/g, function (c) { return { "\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\r": "\\r" }[c]; });
  }
  function n3(term) {
    if (term.kind === "iri") { return "<" + term.value + ">"; }
    var text = "\"" + escapeString(term.value) + "\"";
    return term.datatype && term.datatype !== XSD + "string" ? text + "^^<" + term.datatype + ">" : text;
  }
  function iri(raw, prefixes, message) {
    if (raw.startsWith("<") && raw.endsWith(">")) { raw = raw.slice(1, -1); }
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) { throw UsageError(message); }
    var prefixed = PREFIXED.exec(raw);
    if (prefixed && Object.prototype.hasOwnProperty.call(prefixes, prefixed[1] || "")) {
      return { kind: "iri", value: prefixes[prefixed[1] || ""] + (prefixed[2] || "") };
    }
    if (/[\s<>"{}|^`\\]/.test(raw) || !/^[a-z][a-z0-9+.-]*:/i.test(raw)) { throw UsageError(message); }
    return { kind: "iri", value: raw };
  }
  // YYYY, YYYY-MM or YYYY-MM-DD as the date literal the graph uses for such a date.
  function dateTerm(raw, name) {
    var match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw);
    var problem = "parameter '" + name + "': '" + raw + "' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)";
    if (!match) { throw UsageError(problem); }
    var month = match[2] ? Number(match[2]) : 1;
    var day = match[3] ? Number(match[3]) : 1;
    var last = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
    if (month < 1 || month > 12 || day < 1 || day > last) { throw UsageError(problem); }
    var type = match[3] ? "date" : match[2] ? "gYearMonth" : "gYear";
    return { kind: "literal", value: raw, datatype: XSD + type };
  }
  function typedValue(param, raw, sparql) {
    var problem = "parameter '" + param.name + "': '" + raw + "' is not";
    switch (param.type) {
      case "entity":
        if (SLUG.test(raw)) { return { kind: "iri", value: sparql.base + raw }; }
        return iri(raw, sparql.prefixes, problem + " an entity id such as university-of-birmingham");
      case "iri": return iri(raw, sparql.prefixes, problem + " an IRI (<http://...> or prefix:name)");
      case "date": return dateTerm(raw, param.name);
      case "integer":
        if (!INTEGER.test(raw)) { throw UsageError(problem + " a whole number"); }
        return { kind: "literal", value: String(BigInt(raw)), datatype: XSD + "integer" };
      case "decimal":
        if (!INTEGER.test(raw) && !DECIMAL.test(raw)) { throw UsageError(problem + " a number"); }
        return { kind: "literal", value: raw, datatype: XSD + "decimal" };
      default: return { kind: "literal", value: raw, datatype: XSD + "string" };
    }
  }
  // The given values (and declared defaults) as terms by name; `given` is a plain object of strings.
  function bind(query, given, sparql) {
    var names = query.params.map(function (p) { return p.name; });
    Object.keys(given || {}).forEach(function (name) {
      if (names.indexOf(name) < 0) {
        throw UsageError("query '" + query.name + "' has no parameter '" + name + "' (it takes: " +
                         (names.join(", ") || "no parameters") + ")");
      }
    });
    var bound = {};
    query.params.forEach(function (param) {
      var raw = given && Object.prototype.hasOwnProperty.call(given, param.name) ? given[param.name] : param.value;
      if (raw === null || raw === undefined || raw === "") {
        if (param.required) {
          throw UsageError("query '" + query.name + "' needs parameter '" + param.name + "' (" + param.type + ")");
        }
        return;
      }
      bound[param.name] = typedValue(param, String(raw), sparql);
    });
    return bound;
  }
  // The VALUES block of serialised terms at the start of the WHERE group: user text never shapes the query.
  function withValues(text, bindings) {
    var names = Object.keys(bindings).sort();
    if (!names.length) { return text; }
    var block = " VALUES (" + names.map(function (n) { return "?" + n; }).join(" ") + ") { (" +
      names.map(function (n) { return n3(bindings[n]); }).join(" ") + ") } ";
    var at = whereBrace(text);
    return text.slice(0, at + 1) + block + text.slice(at + 1);
  }
  // PREFIX declarations on one line, so the query's own line numbers are one more than in its file.
  function prelude(prefixes) {
    return Object.keys(prefixes).sort().map(function (name) {
      return "PREFIX " + name + ": <" + prefixes[name] + ">";
    }).join(" ") + "\n";
  }

  function unquote(literal) {
    return literal.slice(1, -1).replace(/\\(.)/g, function (_, c) { return ESCAPES[c] !== undefined ? ESCAPES[c] : c; });
  }
  // The variables projected as (GROUP_CONCAT(...) AS ?v), each with its separator.
  function groupConcats(text) {
    var blank = blankOut(text);
    var found = {};
    var match;
    CONCAT.lastIndex = 0;
    while ((match = CONCAT.exec(blank)) !== null) {
      var open = match.index + match[0].length - 1;
      var depth = 0;
      var close = -1;
      for (var i = open; i < blank.length; i++) {
        if (blank[i] === "(") { depth++; }
        else if (blank[i] === ")") { depth--; if (depth === 0) { close = i; break; } }
      }
      if (close < 0) { continue; }
      var named = AS.exec(blank.slice(close + 1));
      if (!named) { continue; }
      var separator = SEPARATOR.exec(text.slice(open, close));
      found[named[1]] = separator ? unquote(separator[1]) : " ";
    }
    return found;
  }
  // Sort the items of each GROUP_CONCAT column of SPARQL JSON results, as `wmgraph query` does.
  function orderLists(results, separators) {
    Object.keys(separators).forEach(function (name) {
      var separator = separators[name];
      if (!separator || !results.results) { return; }
      results.results.bindings.forEach(function (row) {
        var cell = row[name];
        if (cell && cell.type === "literal" && cell.value.indexOf(separator) >= 0) {
          cell.value = cell.value.split(separator).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; })
            .join(separator);
        }
      });
    });
    return results;
  }

  // SPARQL JSON results as CSV (RFC 4180): a header of the variables, then each row's values.
  function toCsv(results) {
    function field(text) { return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text; }
    if (!results.results) { return "boolean\r\n" + (results.boolean ? "true" : "false") + "\r\n"; }
    var vars = results.head.vars;
    var lines = [vars.map(field).join(",")];
    results.results.bindings.forEach(function (row) {
      lines.push(vars.map(function (name) { return field(row[name] ? row[name].value : ""); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  // A word as a POSIX shell reads it back: left bare when safe, else in single quotes ('\'' for a quote).
  function shellWord(text) {
    return /^[A-Za-z0-9_@%+=:,.\/-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";
  }
  // The `wmgraph query` command that answers a library question with these --param values.
  function command(name, params) {
    return ["wmgraph", "query", shellWord(name)].concat(Object.keys(params || {}).sort().map(function (key) {
      return "--param " + shellWord(key + "=" + params[key]);
    })).join(" ");
  }
  // The `wmgraph query -e` command that answers a free query.
  function textCommand(text) { return "wmgraph query -e " + shellWord(text); }
  // The given values, less those that only repeat a default: none left means the question as the build asked it.
  function changedParams(query, given) {
    var changed = {};
    Object.keys(given || {}).forEach(function (key) {
      var param = query.params.filter(function (p) { return p.name === key; })[0];
      var value = String(given[key]);
      if (value !== "" && !(param && param.value !== null && param.value === value)) { changed[key] = value; }
    });
    return changed;
  }
  // A build's answer (query/page_answers.py: compact cells) as SPARQL JSON results, like the engine's.
  function expandAnswer(answer, base) {
    if (answer.boolean !== undefined) { return { head: {}, boolean: answer.boolean }; }
    function term(cell) {
      if (Array.isArray(cell)) {
        return cell[1].charAt(0) === "@" ? { type: "literal", value: cell[0], "xml:lang": cell[1].slice(1) }
          : { type: "literal", value: cell[0], datatype: cell[1] };
      }
      var tag = cell.charAt(0);
      var value = cell.slice(1);
      if (tag === "e") { return { type: "uri", value: base + value }; }
      if (tag === "u") { return { type: "uri", value: value }; }
      if (tag === "b") { return { type: "bnode", value: value }; }
      return { type: "literal", value: value };
    }
    var bindings = answer.rows.map(function (row) {
      var binding = {};
      answer.vars.forEach(function (name, i) { if (row[i] !== null) { binding[name] = term(row[i]); } });
      return binding;
    });
    return { head: { vars: answer.vars.slice() }, results: { bindings: bindings } };
  }

  return { toCsv: toCsv, shellWord: shellWord, command: command, textCommand: textCommand,
           changedParams: changedParams,
           expandAnswer: expandAnswer, parseHeader: parseHeader, blankOut: blankOut, queryForm: queryForm, isUpdate: isUpdate,
           whereBrace: whereBrace, n3: n3, typedValue: typedValue, bind: bind, withValues: withValues,
           prelude: prelude, groupConcats: groupConcats, orderLists: orderLists };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphQuery; }
