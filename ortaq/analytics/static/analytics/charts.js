// Draws every <div class="plotly-chart" data-figure="id-of-json-script"> as plain SVG with svgcharts.js (bars and the
// map: every chart of the home, region and pair pages), and only a figure it cannot draw with plotly.min.js (served
// from the plotly Python package), which is then loaded once, from this script's `data-plotly` address.
(function () {
  var plotlySource = document.currentScript && document.currentScript.dataset.plotly, plotlyWaiting = null;

  function withPlotly(callback) {
    if (window.Plotly) { callback(); return; }
    if (!plotlySource) { return; }
    if (!plotlyWaiting) {
      plotlyWaiting = [];
      var script = document.createElement("script");
      script.src = plotlySource;
      script.onload = function () { plotlyWaiting.forEach(function (waiting) { waiting(); }); };
      document.head.appendChild(script);
    }
    plotlyWaiting.push(callback);
  }

  // One chart per task: the page stays responsive while they are drawn (no single long task).
  function draw(root) {
    var nodes = Array.prototype.slice.call(root.querySelectorAll(".plotly-chart[data-figure]"));
    (function next() {
      var node = nodes.shift();
      if (!node) { return; }
      drawOne(node);
      window.setTimeout(next, 0);
    })();
  }

  function drawOne(node) {
    var source = document.getElementById(node.dataset.figure);
    if (!source) { return; }
    var figure = JSON.parse(source.textContent), svg = window.OrtaqSvgCharts;
    if (svg && svg.supports(figure)) {
      svg.draw(node, figure);
      node.classList.add("drawn");
      return;
    }
    withPlotly(function () { plot(node, figure); });
  }

  function plot(node, figure) {
    window.Plotly.newPlot(node, figure.data, figure.layout, {displaylogo: false, responsive: true}).then(function () {
      node.classList.add("drawn");
      node.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && point.customdata && String(point.customdata).charAt(0) === "/") {
          window.location.href = point.customdata;
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  // SVG charts are drawn to their box's width: drawn again when the width changes (a rotated phone, a zoom).
  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(function () {
      Array.prototype.forEach.call(document.querySelectorAll(".plotly-chart.drawn[data-width]"), function (node) {
        if (Math.abs(node.clientWidth - Number(node.dataset.width)) > 8) { drawOne(node); }
      });
    }, 150);
  });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
