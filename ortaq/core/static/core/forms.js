// A select marked data-autosubmit sends its form when changed (no handler attributes: the CSP forbids them).
document.addEventListener('change', function (event) {
  var field = event.target;
  if (field.matches && field.matches('select[data-autosubmit]') && field.form) { field.form.submit(); }
});
