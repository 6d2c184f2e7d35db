// Search-as-you-type for AutocompleteSelect widgets (ortaq/core/widgets.py). No library needed.
(function () {
  "use strict";
  var timers = new WeakMap();

  function box(element) { return element.closest(".autocomplete"); }

  // A filter form (htmx, hx-trigger="change") refreshes its list when a record is chosen or cleared.
  function choose(hidden, id) {
    hidden.value = id;
    hidden.dispatchEvent(new Event("change", {bubbles: true}));
  }

  function show(container, items) {
    var list = container.querySelector(".autocomplete-list");
    list.innerHTML = "";
    items.forEach(function (item) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.dataset.id = item.id;
      option.textContent = item.text;
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("autocomplete-input")) { return; }
    var container = box(input);
    var hidden = container.querySelector("input[type=hidden]");
    if (hidden.value !== "" && input.value.trim() === "") { choose(hidden, ""); }  // cleared: drop the filter
    else { hidden.value = ""; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () {
      if (input.value.trim().length < 2) { show(container, []); return; }
      fetch(container.dataset.url + "?q=" + encodeURIComponent(input.value), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) { show(container, data.results); });
    }, 250));
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest(".autocomplete-list li");
    if (!option) { return; }
    var container = box(option);
    container.querySelector(".autocomplete-input").value = option.textContent;
    show(container, []);
    choose(container.querySelector("input[type=hidden]"), option.dataset.id);
  });
})();
