// A text over the limit is refused here already: it would not fit into the request.
(function () {
  var form = document.getElementById('document-form');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    var text = form.querySelector('textarea'), limit = Number(form.dataset.limit);
    if (text && text.value.length > limit) {
      event.preventDefault();
      var item = document.createElement('li');
      item.textContent = form.dataset.tooLong + ': ' + text.value.length + ' ' + form.dataset.limitText;
      document.getElementById('form-errors').replaceChildren(item);
    }
  });
})();
