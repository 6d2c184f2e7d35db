// Ortaq's page behaviour that every page shares (a static file: the CSP forbids inline scripts).
// - the menu collapses behind a button on narrow screens (aria-expanded tells its state; Escape closes it);
// - a wide table scrolls inside its own focusable region instead of widening the page;
// - what HTMX replaces is announced through the page's live region;
// - a form returned with errors puts the focus on its error summary; a page that answers a submission with a
//   result further down (an import's check) puts the focus there ([data-focus-on-load]).
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 860px)");

  function setupMenu() {
    var button = document.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!button || !menu) { return; }
    document.documentElement.classList.add("menu-js");
    button.hidden = false;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("open", open);
    }
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && NARROW.matches && menu.classList.contains("open")) {
        setOpen(false);
        button.focus();
      }
    });
    NARROW.addEventListener("change", function () { setOpen(false); });
  }

  function regionLabel(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    if (table.getAttribute("aria-label")) { return table.getAttribute("aria-label"); }
    var section = table.closest("section, .card");
    var heading = section && section.querySelector("h2, h3");
    if (heading && heading.textContent.trim()) { return heading.textContent.trim(); }
    var title = document.querySelector("main h1");
    return (title && title.textContent.trim()) || document.title;
  }

  function wrapTables(root) {
    root.querySelectorAll("table").forEach(function (table) {
      if (table.closest(".table-scroll") || table.closest(".plotly-chart")) { return; }
      var wrapper = document.createElement("div");
      wrapper.className = "table-scroll";
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("aria-label", regionLabel(table));
      table.parentNode.insertBefore(wrapper, table);
      wrapper.appendChild(table);
    });
  }

  function announce(text) {
    var live = document.getElementById("live-region");
    if (!live || !text) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function swappedText(target) {
    var marked = target.matches("[data-announce]") ? target : target.querySelector("[data-announce]");
    if (marked) { return marked.getAttribute("data-announce"); }
    var alert = target.querySelector(".card.warning h2, .messages li");
    if (alert) { return alert.textContent.trim(); }
    var live = document.getElementById("live-region");
    return target.querySelector("table") && live ? live.getAttribute("data-updated") : "";
  }

  function focusErrors() {
    var summary = document.querySelector(".error-summary") || document.getElementById("stale-changes") ||
      document.querySelector("[data-focus-on-load]");
    if (summary) { summary.focus(); }
  }

  // A link of the error summary puts the focus on its field (following the fragment only scrolls).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".error-summary a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (field) { event.preventDefault(); field.focus(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    setupMenu();
    wrapTables(document);
    focusErrors();
  });
  // After an outerHTML swap the old element is gone: find the new one by its id; if the focus was inside
  // what was replaced, it goes to the new element instead of falling back to the page's start.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.target || event.target;
    if (!document.contains(target) && target.id) { target = document.getElementById(target.id) || document.body; }
    wrapTables(target);
    announce(swappedText(target));
    var focused = document.activeElement;
    if ((!focused || focused === document.body) && target.hasAttribute("tabindex")) { target.focus(); }
  });
})();
