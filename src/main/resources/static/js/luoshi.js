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
// Enter in a record picker's search box searches at once instead of sending the form around it.
document.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && event.target.matches && event.target.matches('.record-picker input[type="search"]')) {
    event.preventDefault();
    if (window.htmx) {
      window.htmx.trigger(event.target, 'search');
    }
  }
});
