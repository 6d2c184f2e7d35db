// Draws every <div class="chart" id="X"> from the JSON in <script id="X-data">, with Russian number format.
(function () {
  var config = {displaylogo: false, responsive: true,
                modeBarButtonsToRemove: ["lasso2d", "select2d", "toImage"]};
  function draw() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("div.chart").forEach(function (element) {
      var data = document.getElementById(element.id + "-data");
      if (!data) { return; }
      var figure = JSON.parse(data.textContent);
      Plotly.newPlot(element, figure.data, figure.layout, config).then(function () {
        element.setAttribute("data-rendered", "1");
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
