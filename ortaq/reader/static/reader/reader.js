// Hovering or focusing a proposal outlines its mentions in the text and scrolls the first into view.
(function () {
  function marks(id) { return document.querySelectorAll('#document-text mark[data-p~="' + id + '"]'); }
  function activate(card, on) {
    var found = marks(card.dataset.p);
    found.forEach(function (m) { m.classList.toggle('active', on); });
    if (on && found.length) { found[0].scrollIntoView({block: 'nearest'}); }
  }
  document.addEventListener('mouseover', function (e) {
    var card = e.target.closest && e.target.closest('.proposal');
    document.querySelectorAll('#document-text mark.active').forEach(function (m) { m.classList.remove('active'); });
    if (card) { activate(card, true); }
  });
})();
