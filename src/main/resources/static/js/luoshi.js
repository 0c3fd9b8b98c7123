// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Destructive actions ask first: <button data-confirm="...">.
document.addEventListener('submit', function (event) {
  var submitter = event.submitter || event.target;
  var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);
// A row of tabs that scrolls (the ledger's kinds on a phone) shows the selected tab, not the first ones.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.nav-tabs.overflow-auto .nav-link.active').forEach(function (tab) {
    var list = tab.closest('.nav-tabs');
    if (list.scrollWidth > list.clientWidth) {
      list.scrollLeft = tab.offsetLeft - (list.clientWidth - tab.offsetWidth) / 2;
    }
  });
});
// Search-as-you-type beside a unit selector: <select data-unit-search="/org/units/search">. The select keeps
// working without this script (it lists the units near the user's own); typing asks the server for up to
// 20 units in the user's scope whose name contains the text and puts them in the select, keeping the
// selected unit and any "all units" choice. The count is announced to screen readers.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-unit-search]').forEach(function (select) {
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'form-control form-control-sm mb-1';
    input.id = select.id + '-search';
    input.placeholder = select.dataset.searchPlaceholder || '';
    input.setAttribute('aria-label', select.dataset.searchLabel || '');
    input.setAttribute('aria-controls', select.id);
    input.autocomplete = 'off';
    var status = document.createElement('div');
    status.className = 'form-text';
    status.setAttribute('aria-live', 'polite');
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(status, select.nextSibling);
    var original = Array.prototype.map.call(select.options, function (o) { return o.cloneNode(true); });
    var timer = null;
    var asked = 0;
    function show(options) {
      var keep = select.value;
      select.innerHTML = '';
      options.forEach(function (o) { select.appendChild(o); });
      select.value = keep;
    }
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault(); // Enter picks from the list, it does not submit the filter half-typed
      }
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (!text) {
        show(original.map(function (o) { return o.cloneNode(true); }));
        status.textContent = '';
        return;
      }
      timer = setTimeout(function () {
        var ticket = ++asked;
        var url = select.dataset.unitSearch + '?q=' + encodeURIComponent(text);
        fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (units) {
            if (ticket !== asked) {
              return; // an older answer arriving after a newer one
            }
            var options = original.filter(function (o) { return o.value === '' || o.value === select.value; })
              .map(function (o) { return o.cloneNode(true); });
            units.forEach(function (u) {
              if (String(u.id) === select.value) {
                return;
              }
              var option = document.createElement('option');
              option.value = u.id;
              option.textContent = u.parent ? u.name + '（' + u.parent + '）' : u.name;
              options.push(option);
            });
            show(options);
            status.textContent = units.length
              ? (select.dataset.searchFound || '{0}').replace('{0}', units.length)
              : (select.dataset.searchNone || '');
          });
      }, 250);
    });
  });
});
// Enter in a record picker's search box searches at once instead of sending the form around it.
document.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && event.target.matches && event.target.matches('.record-picker input[type="search"]')) {
    event.preventDefault();
    if (window.htmx) {
      window.htmx.trigger(event.target, 'search');
    }
  }
});
