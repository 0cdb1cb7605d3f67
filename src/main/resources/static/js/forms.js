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

  /*
   * 抄送 in a large school (input[data-suggest]): as the approver types a name or staff id, a few colleagues are
   * offered under the field; choosing one puts the staff id in place of what was typed, so several can be given,
   * comma-separated. Without JavaScript the field takes the names or ids as typed and the server reads them.
   */

  var SUGGEST_DELAY_MS = 200;
  var SEPARATORS = /[,，、;；\s]+/;

  function lastPart(value) {
    var parts = value.split(SEPARATORS);
    return parts[parts.length - 1];
  }

  function choose(input, list, id) {
    var value = input.value;
    var typed = lastPart(value);
    input.value = value.slice(0, value.length - typed.length) + id + ', ';
    list.hidden = true;
    list.replaceChildren();
    input.focus();
  }

  function show(input, list, people) {
    list.replaceChildren();
    people.forEach(function (person) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.dataset.id = person.id;
      button.textContent = person.name + ' (' + person.id + ')' + (person.group ? ' · ' + person.group : '');
      button.addEventListener('click', function () { choose(input, list, person.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = people.length === 0;
  }

  function suggestPeople(input) {
    var list = document.getElementById(input.id + '-suggestions');
    var timer = null;
    var asked = 0;
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = lastPart(input.value);
        var ask = ++asked;
        if (!text) {
          show(input, list, []);
          return;
        }
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(text), { headers: { 'Accept': 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (people) { if (ask === asked) { show(input, list, people); } })
          .catch(function () { /* no suggestions: typing names still works */ });
      }, SUGGEST_DELAY_MS);
    });
  }

  function init() {
    document.querySelectorAll('.form-fields[data-form-id]').forEach(enhance);
    document.querySelectorAll('input[data-suggest]').forEach(suggestPeople);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
