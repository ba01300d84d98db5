/* wmgraph's page: finding entities by name or alias, words in any order, accents and case aside.
   No DOM: page-view.js draws the box and its list. */
var wmgraphFind = (function () {
  "use strict";
  var LIMIT = 30;

  // Lower case, accents and punctuation gone, words one space apart: "Café-Society!" -> "cafe society".
  function normalise(text) {
    // Most names are plain ASCII, with no accents to take off: decomposing them is the slow part.
    var plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return plain.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  // Each entity's names (its name, its aliases, then the ids merged into it) as written and normalised;
  // `entities` is a Map.
  function makeIndex(entities) {
    var index = [];
    entities.forEach(function (entity, key) {
      var names = [entity.name].concat(entity.aliases, entity.formerly || []);
      index.push({ key: key, name: entity.name, names: names, plain: names.map(normalise) });
    });
    return index;
  }
  // How well a normalised name matches the query: 0 the whole name, 1 its start, 2 inside it, 3 every
  // word somewhere in it; null not at all.
  function score(name, query, words) {
    return name === query ? 0 : name.indexOf(query) === 0 ? 1 : name.indexOf(query) >= 0 ? 2 :
      words.every(function (w) { return name.indexOf(w) >= 0; }) ? 3 : null;
  }
  // The best matches (at most 30), best first and then by name: each with the entity's key and the name
  // or alias it was found by (`via`).
  function findEntities(index, query) {
    var q = normalise(query);
    if (!q) { return []; }
    var words = q.split(" ");
    var found = [];
    index.forEach(function (item) {
      var best = null;
      item.plain.forEach(function (name, i) {
        var s = score(name, q, words);
        if (s !== null && (best === null || s < best.score)) { best = { score: s, name: i }; }
      });
      if (best !== null) { found.push({ key: item.key, name: item.name, score: best.score, via: item.names[best.name] }); }
    });
    found.sort(function (a, b) { return (a.score - b.score) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
    return found.slice(0, LIMIT).map(function (match) { return { key: match.key, via: match.via }; });
  }
  return { normalise: normalise, makeIndex: makeIndex, findEntities: findEntities };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphFind; }
