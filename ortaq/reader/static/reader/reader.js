// Hovering or focusing a proposal outlines its mentions in the text and scrolls the first into view; Escape in a
// proposal's edit form cancels the edit (as its «Отмена» button does), and the card keeps the focus.
(function () {
  function marks(id) { return document.querySelectorAll('#document-text mark[data-p~="' + id + '"]'); }
  function activate(card, on) {
    var found = marks(card.dataset.p);
    found.forEach(function (m) { m.classList.toggle('active', on); });
    if (on && found.length) { found[0].scrollIntoView({block: 'nearest'}); }
  }
  function outline(e) {
    var card = e.target.closest && e.target.closest('.proposal');
    document.querySelectorAll('#document-text mark.active').forEach(function (m) { m.classList.remove('active'); });
    if (card) { activate(card, true); }
  }
  document.addEventListener('mouseover', outline);
  document.addEventListener('focusin', outline);
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || !e.target.closest) { return; }
    var form = e.target.closest('.proposal form');
    var cancel = form && form.querySelector('button[type=button][hx-get]');
    if (cancel) { e.preventDefault(); cancel.click(); }
  });
})();
