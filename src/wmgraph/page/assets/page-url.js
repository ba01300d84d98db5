/* wmgraph's page: the view kept in the URL fragment ("#e=techuk&focus=2&types=photo&date=2024-06-01"), read
   into a checked view and written back. No DOM: the page script applies the view. */
var wmgraphUrl = (function () {
  "use strict";
  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  // The fragment's names and values (a Map, so no name can reach an object's own properties);
  // parts without a name, or that do not decode, are left out.
  function parseFragment(hash) {
    var found = new Map();
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) {
        try { found.set(part.slice(0, at), decodeURIComponent(part.slice(at + 1))); } catch (error) { /* ignore */ }
      }
    });
    return found;
  }
  function list(text) { return text ? text.split(",") : []; }

  // The entity an id in a link means: the entity itself, or the one it was merged into (`known.formerly`,
  // a Map of old ids, so a link made before `wmgraph merge` still opens); null for no entity.
  function resolveEntity(id, known) {
    if (!id) { return null; }
    if (known.entities.has(id)) { return id; }
    var now = known.formerly ? known.formerly.get(id) : undefined;
    return now !== undefined && known.entities.has(now) ? now : null;
  }

  // The view a fragment asks for, keeping only what the page has: `known.types`, `known.relations`
  // and `known.entities` are Maps (or Sets) of keys, `known.formerly` (optional) a Map of merged ids to
  // entities, `known.groups` the number of communities (0 for a page drawn whole). Unknown keys, types,
  // ids and communities are ignored; a merged entity's old id means the entity it was merged into.
  function readView(found, known) {
    function has(set) { return function (key) { return set.has(key); }; }
    var day = found.get("date"), entity = found.get("e");
    var view = {
      hiddenTypes: new Set(list(found.get("types")).filter(has(known.types))),
      hiddenRelations: new Set(list(found.get("rels")).filter(has(known.relations))),
      day: DAY.test(day || "") ? day : null,
      mode: found.get("mode") === "hide" ? "hide" : "fade",
      open: new Set(),
      entity: resolveEntity(entity, known),
      focus: /^[1-9]$/.test(found.get("focus") || "") ? Number(found.get("focus")) : 0,
      zoom: null,
      at: null,
      embed: found.get("embed") === "graph" || found.get("embed") === "panel" ? found.get("embed") : null
    };
    list(found.get("open")).forEach(function (k) {
      if (/^\d+$/.test(k) && Number(k) < known.groups) { view.open.add(Number(k)); }
    });
    var scale = Number(found.get("zoom")), at = list(found.get("at")).map(Number);
    if (scale > 0 && isFinite(scale) && at.length === 2 && isFinite(at[0]) && isFinite(at[1])) {
      view.zoom = scale;
      view.at = at;
    }
    return view;
  }

  // The fragment for a view (the fields readView gives; empty ones are left out, names and numbers sorted).
  function writeFragment(view) {
    var parts = [];
    function add(name, value) {
      if (value) { parts.push(name + "=" + encodeURIComponent(value).replace(/%2C/g, ",")); }
    }
    add("e", view.entity);
    add("focus", view.focus ? String(view.focus) : "");
    add("types", Array.from(view.hiddenTypes).sort().join(","));
    add("rels", Array.from(view.hiddenRelations).sort().join(","));
    add("date", view.day);
    if (view.mode === "hide") { add("mode", "hide"); }
    add("open", Array.from(view.open).sort(function (a, b) { return a - b; }).join(","));
    if (view.zoom !== null) {
      add("zoom", view.zoom.toPrecision(4));
      add("at", Math.round(view.at[0]) + "," + Math.round(view.at[1]));
    }
    add("embed", view.embed);
    return "#" + parts.join("&");
  }
  return { parseFragment: parseFragment, readView: readView, resolveEntity: resolveEntity, writeFragment: writeFragment };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphUrl; }
