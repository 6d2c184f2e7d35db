// Draws every <div class="plotly-chart" data-figure="id-of-json-script"> with plotly.min.js (served from the plotly Python package).
(function () {
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
    [node].forEach(function (node) {
      var source = document.getElementById(node.dataset.figure);
      if (!source || !window.Plotly) { return; }
      var figure = JSON.parse(source.textContent);
      window.Plotly.newPlot(node, figure.data, figure.layout, {displaylogo: false, responsive: true}).then(function () {
        node.classList.add("drawn");
        node.on("plotly_click", function (event) {
          var point = event.points && event.points[0];
          if (point && point.customdata && String(point.customdata).charAt(0) === "/") {
            window.location.href = point.customdata;
          }
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
