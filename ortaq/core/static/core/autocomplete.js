// Search-as-you-type for AutocompleteSelect widgets (ortaq/core/widgets.py), following the ARIA combobox
// pattern: ArrowDown/ArrowUp move through the options, Enter chooses, Escape closes. No library needed.
(function () {
  "use strict";
  var timers = new WeakMap();

  function box(element) { return element.closest(".autocomplete"); }
  function listOf(container) { return container.querySelector(".autocomplete-list"); }
  function inputOf(container) { return container.querySelector(".autocomplete-input"); }

  // A filter form (htmx, hx-trigger="change") refreshes its list when a record is chosen or cleared.
  function setValue(hidden, id) {
    hidden.value = id;
    hidden.dispatchEvent(new Event("change", {bubbles: true}));
  }

  function show(container, items) {
    var list = listOf(container);
    var input = inputOf(container);
    list.innerHTML = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.id = (list.id || "autocomplete") + "-option-" + index;
      option.dataset.id = item.id;
      option.textContent = item.text;
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(container, option) {
    inputOf(container).value = option.textContent;
    show(container, []);
    setValue(container.querySelector("input[type=hidden]"), option.dataset.id);
  }

  function move(container, step) {
    var options = Array.prototype.slice.call(listOf(container).querySelectorAll("li"));
    if (!options.length) { return; }
    var current = options.findIndex(function (option) { return option.getAttribute("aria-selected") === "true"; });
    var next = (current + step + options.length) % options.length;
    if (current < 0 && step < 0) { next = options.length - 1; }
    options.forEach(function (option, index) {
      option.setAttribute("aria-selected", index === next ? "true" : "false");
      option.classList.toggle("active", index === next);
    });
    inputOf(container).setAttribute("aria-activedescendant", options[next].id);
    options[next].scrollIntoView({block: "nearest"});
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("autocomplete-input")) { return; }
    var container = box(input);
    var hidden = container.querySelector("input[type=hidden]");
    if (hidden.value !== "" && input.value.trim() === "") { setValue(hidden, ""); }  // cleared: drop the filter
    else { hidden.value = ""; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () {
      if (input.value.trim().length < 2) { show(container, []); return; }
      fetch(container.dataset.url + "?q=" + encodeURIComponent(input.value), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) { show(container, data.results); });
    }, 250));
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("autocomplete-input")) { return; }
    var container = box(input);
    var open = !listOf(container).hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (open) { event.preventDefault(); move(container, event.key === "ArrowDown" ? 1 : -1); }
    } else if (event.key === "Enter" && open) {
      var active = listOf(container).querySelector("li[aria-selected=true]");
      if (active) { event.preventDefault(); choose(container, active); }
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      show(container, []);
    }
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest(".autocomplete-list li");
    if (option) { choose(box(option), option); }
  });
})();
