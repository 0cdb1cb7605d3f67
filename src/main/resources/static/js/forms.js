/*
 * Progressive enhancement for forms rendered by fragments/form :: fields.
 * Expression outputs ([data-expression-key]) are recomputed on the server while the person types;
 * without JavaScript they are computed when the form is submitted.
 * The layout provides <meta name="_csrf"> and <meta name="_csrf_header">.
 */
(function () {
  'use strict';

  var DELAY_MS = 250;

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' };
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  // The form's fields as urlencoded text, files left out
  function fieldsOf(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string' && name !== '_csrf') {
        params.append(name, value);
      }
    });
    return params.toString();
  }

  function format(value) {
    if (value === null || value === undefined) {
      return '';
    }
    return String(value);
  }

  function enhance(root) {
    var outputs = root.querySelectorAll('[data-expression-key]');
    var form = root.closest('form');
    var formId = root.getAttribute('data-form-id');
    if (!outputs.length || !form || !formId || !window.fetch) {
      return;
    }
    var url = (root.getAttribute('data-expressions-url') || '/forms/expressions') +
        '?formId=' + encodeURIComponent(formId);
    var timer = null;
    var latest = 0;

    function update() {
      var request = ++latest;
      fetch(url, { method: 'POST', headers: csrfHeaders(), body: fieldsOf(form), credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (values) {
          // Ignore answers that arrive after a newer request was sent
          if (!values || request !== latest) {
            return;
          }
          outputs.forEach(function (output) {
            var key = output.getAttribute('data-expression-key');
            if (Object.prototype.hasOwnProperty.call(values, key)) {
              output.value = format(values[key]);
              output.textContent = format(values[key]);
            }
          });
        })
        .catch(function () { /* keep the last value; the server computes it on submit anyway */ });
    }

    function schedule(event) {
      if (event.target && event.target.type === 'file') {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(update, DELAY_MS);
    }

    root.addEventListener('input', schedule);
    root.addEventListener('change', schedule);
  }

  // A form with data-confirm (withdrawing a request) asks before it is sent; without scripts it is sent as is.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form && form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  function init() {
    document.querySelectorAll('.form-fields[data-form-id]').forEach(enhance);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
