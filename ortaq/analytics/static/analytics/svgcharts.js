// Draws the home page's small charts as plain SVG from the same {data, layout} figures Plotly reads: bars
// (vertical, grouped or stacked; horizontal) and the cooperation map (scatter lines, filled shapes, markers,
// labels). A few kilobytes instead of Plotly's megabytes: the page is interactive at once. Hover text becomes
// the SVG <title> (a tooltip), a point that links somewhere (customdata "/...") becomes a link, reachable by Tab.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var INK = "#1d2733", MUTED = "#56616e", GRID = "#e3e7ec";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) {
      if (attrs[key] !== undefined && attrs[key] !== null) { node.setAttribute(key, attrs[key]); }
    });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function plain(text) { return String(text).replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]+>/g, ""); }

  function titled(node, text) {
    if (text !== undefined && text !== null && text !== "") { el("title", {}, node).textContent = plain(text); }
    return node;
  }

  // Numbers in the figure's language: layout.separators is "<decimal><thousands>" (", " in Russian).
  function formatter(layout) {
    var seps = layout.separators || ".,";
    return function (value) {
      if (typeof value !== "number" || !isFinite(value)) { return String(value); }
      var rounded = Math.round(value * 100) / 100;
      var parts = Math.abs(rounded).toString().split(".");
      var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, seps.charAt(1) || "");
      return (rounded < 0 ? "−" : "") + whole + (parts[1] ? seps.charAt(0) + parts[1] : "");
    };
  }

  function niceTicks(max) {
    if (!(max > 0)) { return [0, 1]; }
    var raw = max / 5, power = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10)), step = power;
    [1, 2, 2.5, 5, 10].some(function (factor) { step = factor * power; return step >= raw; });
    var ticks = [];
    for (var tick = 0; tick < max + step * 0.999; tick += step) { ticks.push(Math.round(tick * 1e6) / 1e6); }
    return ticks;
  }

  function fitText(text, pixels, size) {
    var limit = Math.max(3, Math.floor(pixels / (size * 0.55)));
    return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
  }

  function colourOf(trace, index, layout) {
    var colours = layout.colorway || ["#0072B2", "#E69F00", "#009E73", "#CC79A7"];
    return (trace.marker && typeof trace.marker.color === "string" && trace.marker.color) || colours[index % colours.length];
  }

  function link(parent, url, label) {
    if (typeof url === "string" && url.charAt(0) === "/") {
      return el("a", {href: url, "aria-label": plain(label)}, parent);
    }
    return parent;
  }

  function legend(svg, traces, layout, width) {
    if (traces.length < 2 || layout.showlegend === false) { return; }
    var x = (layout.margin || {}).l || 40, group = el("g", {"class": "legend", "aria-hidden": "true"}, svg);
    traces.some(function (trace, index) {  // as many as fit on one line; the table below names them all
      var name = plain(trace.name || "");
      if (index && x + 16 + name.length * 7 > width) { return true; }
      el("rect", {x: x, y: 6, width: 12, height: 12, fill: colourOf(trace, index, layout)}, group);
      el("text", {x: x + 16, y: 16, "font-size": 12, fill: INK}, group).textContent = name;
      x += 30 + name.length * 7;
      return false;
    });
  }

  function bars(svg, figure, width, height) {
    var layout = figure.layout, traces = figure.data, fmt = formatter(layout);
    var margin = Object.assign({l: 40, r: 10, t: 30, b: 40}, layout.margin || {});
    var horizontal = traces[0].orientation === "h";
    var stacked = layout.barmode === "stack";
    var categories = [];
    traces.forEach(function (trace) {
      (horizontal ? trace.y : trace.x).forEach(function (label) {
        if (categories.indexOf(label) < 0) { categories.push(label); }
      });
    });
    var totals = {}, max = 0;
    traces.forEach(function (trace) {
      var labels = horizontal ? trace.y : trace.x, values = horizontal ? trace.x : trace.y;
      labels.forEach(function (label, i) {
        var value = Number(values[i]) || 0;
        totals[label] = stacked ? (totals[label] || 0) + value : Math.max(totals[label] || 0, value);
        max = Math.max(max, totals[label]);
      });
    });
    var ticks = niceTicks(max), top = ticks[ticks.length - 1] || 1;
    var plotW = Math.max(10, width - margin.l - margin.r), plotH = Math.max(10, height - margin.t - margin.b);
    var band = (horizontal ? plotH : plotW) / Math.max(1, categories.length);
    var grid = el("g", {"class": "axis", "aria-hidden": "true", "font-size": 11, fill: MUTED}, svg);
    ticks.forEach(function (tick) {
      var at = tick / top;
      if (horizontal) {
        var x = margin.l + at * plotW;
        el("line", {x1: x, x2: x, y1: margin.t, y2: margin.t + plotH, stroke: GRID}, grid);
        el("text", {x: x, y: margin.t + plotH + 14, "text-anchor": "middle"}, grid).textContent = fmt(tick);
      } else {
        var y = margin.t + plotH - at * plotH;
        el("line", {x1: margin.l, x2: margin.l + plotW, y1: y, y2: y, stroke: GRID}, grid);
        el("text", {x: margin.l - 4, y: y + 4, "text-anchor": "end"}, grid).textContent = fmt(tick);
      }
    });
    categories.forEach(function (label, i) {
      var text;
      if (horizontal) {  // the first category at the bottom, as Plotly draws it
        var y = margin.t + plotH - (i + 0.5) * band;
        text = el("text", {"class": "category", x: margin.l - 6, y: y + 4, "text-anchor": "end"}, grid);
        text.textContent = fitText(plain(label), margin.l - 10, 11);
      } else {
        text = el("text", {"class": "category", x: margin.l + (i + 0.5) * band, y: margin.t + plotH + 14,
                           "text-anchor": "middle"}, grid);
        text.textContent = fitText(plain(label), band, 11);
      }
      titled(text, label);
    });
    var base = {}, slots = stacked ? 1 : traces.length;
    traces.forEach(function (trace, index) {
      var group = el("g", {"class": "bars", fill: colourOf(trace, index, layout)}, svg);
      var labels = horizontal ? trace.y : trace.x, values = horizontal ? trace.x : trace.y;
      labels.forEach(function (label, i) {
        var value = Number(values[i]) || 0, slot = categories.indexOf(label);
        var start = stacked ? (base[label] || 0) : 0;
        base[label] = start + value;
        var inner = band * 0.8, thick = inner / slots, offset = band * 0.1 + (stacked ? 0 : index * thick);
        var from = start / top, to = (start + value) / top, rect;
        var hover = (trace.name ? plain(trace.name) + ", " : "") + plain(label) + ": " + fmt(value) +
          (trace.hovertext ? "\n" + plain(trace.hovertext[i] || "") : "");
        var parent = link(group, trace.customdata && trace.customdata[i], hover);
        if (horizontal) {
          rect = el("rect", {x: margin.l + from * plotW, width: Math.max(0, (to - from) * plotW),
                             y: margin.t + plotH - (slot + 1) * band + offset, height: thick}, parent);
        } else {
          rect = el("rect", {x: margin.l + slot * band + offset, width: thick,
                             y: margin.t + plotH - to * plotH, height: Math.max(0, (to - from) * plotH)}, parent);
        }
        titled(rect, hover);
      });
    });
    legend(svg, traces, layout, width);
  }

  // The map: x is longitude, y latitude, y stretched by yaxis.scaleratio; the drawing fits the box.
  function scatter(svg, figure, width, height) {
    var layout = figure.layout, traces = figure.data;
    var margin = Object.assign({l: 10, r: 10, t: 10, b: 10}, layout.margin || {});
    var ratio = (layout.yaxis && layout.yaxis.scaleratio) || 1;
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    traces.forEach(function (trace) {
      (trace.x || []).forEach(function (x, i) {
        var y = trace.y[i];
        if (x === null || y === null) { return; }
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      });
    });
    if (!isFinite(minX)) { return; }
    var spanX = Math.max(maxX - minX, 1e-6), spanY = Math.max(maxY - minY, 1e-6) * ratio;
    var plotW = width - margin.l - margin.r - 60;
    // On a narrow screen the drawing is as tall as its width allows, not the figure's full height.
    height = Math.min(height, Math.round(spanY * plotW / spanX) + margin.t + margin.b + 30);
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    var plotH = height - margin.t - margin.b - 30;
    var scale = Math.min(plotW / spanX, plotH / spanY);
    var offX = margin.l + 30 + (plotW - spanX * scale) / 2, offY = margin.t + 15 + (plotH - spanY * scale) / 2;
    function px(x) { return offX + (x - minX) * scale; }
    function py(y) { return offY + (maxY - y) * ratio * scale; }
    traces.forEach(function (trace) {
      var mode = trace.mode || "markers", xs = trace.x || [], ys = trace.y || [];
      var hover = trace.hoverinfo === "skip" ? null : (trace.hovertext || trace.text);
      if (mode.indexOf("lines") >= 0 && xs.length) {
        var points = xs.map(function (x, i) { return px(x).toFixed(1) + "," + py(ys[i]).toFixed(1); }).join(" ");
        var line = trace.line || {};
        var shape = el(trace.fill === "toself" ? "polygon" : "polyline", {
          points: points, fill: trace.fill === "toself" ? (trace.fillcolor || "#dbeefa") : "none",
          stroke: line.color || "#6b7c93", "stroke-width": line.width || 1, "stroke-linecap": "round"}, svg);
        if (typeof hover === "string") { titled(shape, hover); }
      }
      if (mode.indexOf("markers") >= 0 || mode.indexOf("text") >= 0) {
        var marker = trace.marker || {}, group = el("g", {"class": "points"}, svg);
        xs.forEach(function (x, i) {
          var label = Array.isArray(hover) ? hover[i] : hover;
          var parent = link(group, trace.customdata && trace.customdata[i], label || "");
          var dot = el("circle", {cx: px(x), cy: py(ys[i]), r: (marker.size || 6) / 2 + (marker.opacity === 0 ? 4 : 0),
                                  fill: marker.color || INK, "fill-opacity": marker.opacity === undefined ? 1 : marker.opacity,
                                  "pointer-events": "all"}, parent);
          titled(dot, label);
          if (mode.indexOf("text") >= 0 && trace.text && trace.text[i]) {
            var position = (Array.isArray(trace.textposition) ? trace.textposition[i] : trace.textposition) || "top center";
            var dx = /left/.test(position) ? -6 : /right/.test(position) ? 6 : 0;
            var dy = /top/.test(position) ? -7 : /bottom/.test(position) ? 15 : 4;
            var anchor = /left/.test(position) ? "end" : /right/.test(position) ? "start" : "middle";
            var wide = plain(trace.text[i]).length * 7, at = px(x) + dx;  // a label kept inside the drawing
            if ((anchor === "start" && at + wide > width) || (anchor === "middle" && at + wide / 2 > width)) {
              anchor = "end"; dx = -6;
            } else if ((anchor === "end" && at - wide < 0) || (anchor === "middle" && at - wide / 2 < 0)) {
              anchor = "start"; dx = 6;
            }
            el("text", {x: px(x) + dx, y: py(ys[i]) + dy, "text-anchor": anchor, "font-size": 12, fill: INK,
                        "paint-order": "stroke", stroke: "#fff", "stroke-width": 3, "stroke-linejoin": "round"},
               parent).textContent = plain(trace.text[i]);
          }
        });
      }
    });
  }

  function empty(svg, figure, width, height) {
    var note = ((figure.layout || {}).annotations || [])[0];
    el("text", {x: width / 2, y: height / 2, "text-anchor": "middle", fill: MUTED, "font-size": 15},
       svg).textContent = note ? plain(note.text) : "";
  }

  function supports(figure) {
    return (figure.data || []).every(function (trace) { return trace.type === "bar" || trace.type === "scatter"; });
  }

  function draw(node, figure) {
    var width = Math.max(240, node.clientWidth || 600), height = (figure.layout && figure.layout.height) || 300;
    var summary = document.getElementById(node.id + "-summary");
    var svg = el("svg", {"class": "svg-chart", width: width, height: height, viewBox: "0 0 " + width + " " + height,
                         "font-family": "system-ui, sans-serif", "aria-labelledby": summary ? summary.id : null});
    var data = figure.data || [];
    // A drawing with links (the map's regions) is a group a screen reader enters; a plain one is an image.
    svg.setAttribute("role", data.some(function (t) { return t.customdata; }) ? "group" : "img");
    if (!data.length) { empty(svg, figure, width, height); }
    else if (data[0].type === "bar") { bars(svg, figure, width, height); }
    else { scatter(svg, figure, width, height); }
    node.replaceChildren(svg);
    node.dataset.width = String(width);
  }

  window.OrtaqSvgCharts = {supports: supports, draw: draw};
})();
