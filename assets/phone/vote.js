/* The voting page: places this phone's dots on the synthèse's conditions. Written for
   old phone browsers (ES5, XMLHttpRequest). The ballot the server gave this phone is
   kept in localStorage, so reloading the page keeps the same dots; each change asks
   for an absolute count, so a change sent twice counts once. Text from the server is
   only ever put in the page with textContent. The helpers it shares with the table
   page (words, elements, status line, requests) come from phone.js, loaded first. */
(function () {
  'use strict';
  var token = (location.pathname.split('/vote/')[1] || '').split('/')[0];
  var api = '/vote/' + token + '/ballots';
  var ballotKey = 'cafe-ballot-' + token;
  var view = null;
  var busy = false;

  var phone = window.cafePhone;
  var t = phone.t, fill = phone.fill, el = phone.el, status = phone.status, request = phone.request;

  function loadBallot() {
    try { return window.localStorage.getItem(ballotKey) || ''; } catch (e) { return ''; }
  }
  function keepBallot(id) {
    try { window.localStorage.setItem(ballotKey, id); } catch (e) { /* private mode: kept in memory */ }
  }
  var ballot = loadBallot();

  function button(cls, label, enabled, onclick) {
    var b = el('button', cls, label);
    b.type = 'button';
    b.disabled = !enabled;
    b.onclick = onclick;
    return b;
  }

  function render() {
    var list = document.getElementById('list');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!view) { return; }
    document.getElementById('left').textContent = fill(t('left'), { left: view.left, dots: view.dots });
    if (!view.open) { list.appendChild(el('p', 'refused', t('closed'))); return; }
    if (view.conditions.length === 0) { list.appendChild(el('p', '', t('none'))); return; }
    var family = null;
    for (var i = 0; i < view.conditions.length; i++) {
      (function (c) {
        var title = c.family_title || t('other');
        if (title !== family) { family = title; list.appendChild(el('h2', '', title)); }
        var box = el('div', c.mine > 0 ? 'condition voted' : 'condition');
        box.appendChild(el('span', 'text', c.headline));
        box.appendChild(el('span', 'mine', fill(t('mine'), { n: c.mine })));
        box.appendChild(button('remove', t('remove'), !busy && c.mine > 0, function () { place(c, c.mine - 1); }));
        box.appendChild(button('add', t('add'), !busy && view.left > 0, function () { place(c, c.mine + 1); }));
        list.appendChild(box);
      })(view.conditions[i]);
    }
  }

  function accept(answer) {
    if (answer && answer.conditions) {
      view = answer;
      if (answer.ballot && answer.ballot !== ballot) { ballot = answer.ballot; keepBallot(ballot); }
    }
  }

  function failed(code, answer) {
    if (code === 0 || code === 429 || code >= 500) {
      status(answer && answer.error ? answer.error : t('offline'), true);
    } else if (code === 410) {
      if (view) { view.open = false; }
      status(answer && answer.error ? answer.error : t('closed'), true);
    } else {
      status(answer && answer.error ? answer.error : t('offline'), true);
    }
    render();
  }

  function place(condition, dots) {
    if (busy) { return; }
    busy = true;
    render();
    request('PUT', api + '/' + ballot + '/dots/' + condition.id, { dots: dots }, function (code, answer) {
      busy = false;
      if (code === 200) { accept(answer); status(t('saved'), false); render(); } else { failed(code, answer); }
    });
  }

  function newBallot() {
    request('POST', api, null, function (code, answer) {
      if (code === 201) { accept(answer); status('', false); render(); } else { failed(code, answer); }
    });
  }

  function refresh() {
    if (busy) { return; }
    if (!ballot) { newBallot(); return; }
    request('GET', api + '/' + ballot, null, function (code, answer) {
      if (code === 200) {
        accept(answer);
        render();
      } else if (code === 404 && !view) {
        // A ballot of another vote (or forgotten by the server): ask for a new one.
        ballot = '';
        newBallot();
      } else {
        failed(code, answer);
      }
    });
  }

  window.setInterval(refresh, 10000);
  refresh();
})();
