/* wmgraph's page: a big graph's overview, one disc per community. Where the discs go, how big they
   are and which links between communities are drawn; no DOM. */
var wmgraphOverview = (function () {
  "use strict";

  // The scale at which the whole drawing (nodes with x and y) fits a view `width` by `height` pixels,
  // with a margin.
  function fitScale(nodes, width, height) {
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var wide = Math.max(1, Math.max.apply(null, xs) - Math.min.apply(null, xs));
    var high = Math.max(1, Math.max.apply(null, ys) - Math.min.apply(null, ys));
    return Math.min(width / wide, height / high) * 0.9;
  }
  // A disc's radius in the drawing's units: 5 to 27 pixels at `scale`, by its share of the largest.
  function discRadius(group, largest, scale) { return (5 + 22 * Math.sqrt(group.size / largest)) / scale; }

  // The discs start where their members are (x and y of each group) and are pushed apart, the smaller
  // one more, until none overlaps another (or the rounds run out); `radius` gives each disc's size.
  function spreadDiscs(groups, radius) {
    var pad = 1.2;
    var rounds = Math.max(8, Math.min(120, Math.floor(4e6 / (groups.length * groups.length))));
    var radii = groups.map(radius);  // worked out once: the rounds look at every pair of discs
    for (var round = 0; round < rounds; round++) {
      var moved = false;
      for (var i = 0; i < groups.length; i++) {
        for (var j = i + 1; j < groups.length; j++) {
          var a = groups[i], b = groups[j];
          var dx = b.x - a.x, dy = b.y - a.y, gap = (radii[i] + radii[j]) * pad;
          var d2 = dx * dx + dy * dy;
          if (d2 >= gap * gap) { continue; }
          var d = Math.sqrt(d2) || 1e-6, push = (gap - d) / 2;
          if (d2 === 0) { dx = 1; dy = 0; d = 1; }
          var wa = b.size / (a.size + b.size), wb = 1 - wa;
          a.x -= dx / d * push * wa * 2; a.y -= dy / d * push * wa * 2;
          b.x += dx / d * push * wb * 2; b.y += dy / d * push * wb * 2;
          moved = true;
        }
      }
      if (!moved) { break; }
    }
  }

  // The view (centre and scale, at most 1) that shows every item whole in `width` by `height` pixels with
  // vis-network's margin: an item is its node (x, y, size) and its label, about 0.27 of the font size a
  // character wide, under or around the node. Measured from the items, not the drawing: vis-network
  // measures a label only when it draws it, and a fit right after a change would come before that.
  function fitView(items, width, height) {
    var left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    items.forEach(function (item) {
      var lines = item.label ? String(item.label).split("\n") : [];
      var longest = Math.max.apply(null, [0].concat(lines.map(function (line) { return line.length; })));
      var half = Math.max(item.size, longest * item.fontSize * 0.27);
      left = Math.min(left, item.x - half); right = Math.max(right, item.x + half);
      top = Math.min(top, item.y - item.size);
      bottom = Math.max(bottom, item.y + item.size + lines.length * item.fontSize * 1.2);
    });
    var scale = Math.min(width / Math.max(1, right - left), height / Math.max(1, bottom - top)) / 1.1;
    return { x: (left + right) / 2, y: (top + bottom) / 2, scale: Math.min(1, scale) };
  }

  // Between communities only each one's three strongest links are drawn (the rest would be a
  // hairball), at most `limit` of them, the strongest: `links` maps "a-b" (a < b) to a count.
  // The pairs come sorted as strings.
  function strongLinks(links, limit) {
    function stronger(a, b) { return links.get(b) - links.get(a) || (a < b ? -1 : 1); }
    var byGroup = new Map();
    links.forEach(function (count, pair) {
      pair.split("-").forEach(function (end) {
        if (!byGroup.has(end)) { byGroup.set(end, []); }
        byGroup.get(end).push(pair);
      });
    });
    var kept = new Set();
    byGroup.forEach(function (pairs) {  // each community's three strongest, without sorting them all
      var best = [];
      pairs.forEach(function (pair) {
        if (best.length === 3 && stronger(pair, best[2]) > 0) { return; }
        best.push(pair);
        best.sort(stronger);
        if (best.length > 3) { best.pop(); }
      });
      best.forEach(function (pair) { kept.add(pair); });
    });
    return Array.from(kept).sort(stronger).slice(0, limit).sort();
  }
  return { fitScale: fitScale, discRadius: discRadius, spreadDiscs: spreadDiscs, strongLinks: strongLinks,
           fitView: fitView };
}());
if (typeof module === "object" && module.exports) { module.exports = wmgraphOverview; }
