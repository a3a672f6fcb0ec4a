/* The table page: sends this table's proposals to the facilitator's computer.
   Written for old phone browsers (ES5, XMLHttpRequest). Nothing typed is lost: the
   text being typed and every proposal not yet acknowledged are kept in localStorage
   and sent again until the server says they are on disk. Text from the server is only
   ever put in the page with textContent. The helpers it shares with the voting page
   (words, elements, status line, requests) come from phone.js, loaded first. */
(function () {
  'use strict';
  var token = (location.pathname.split('/t/')[1] || '').split('/')[0];
  var api = '/api/' + token;
  var queueKey = 'cafe-pending-' + token;
  var draftKey = 'cafe-draft-' + token;
  var view = null;
  var viewAt = 0;
  var sending = false;
  var retryTimer = null;

  var phone = window.cafePhone;
  var t = phone.t, fill = phone.fill, el = phone.el, status = phone.status, request = phone.request;

  function load(key, fallback) {
    try { var v = window.localStorage.getItem(key); return v === null ? fallback : JSON.parse(v); } catch (e) { return fallback; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: kept in memory */ }
  }
  var queue = load(queueKey, []);
  function saveQueue() { store(queueKey, queue); }

  function kindName(kind) { return t(String(kind).toLowerCase()); }

  function two(n) { return n < 10 ? '0' + n : '' + n; }
  function showClock() {
    var c = document.getElementById('clock');
    if (!view || view.remaining_ms === null || view.remaining_ms === undefined) { c.textContent = ''; return; }
    var left = view.remaining_ms - (view.running ? (new Date().getTime() - viewAt) : 0);
    var sign = left < 0 ? '-' : '';
    var s = Math.floor(Math.abs(left) / 1000);
    var text = fill(t('time_left'), { time: sign + Math.floor(s / 60) + ':' + two(s % 60) });
    c.textContent = view.running ? text : text + ' ' + t('paused');
  }

  function editor(li, p) {
    while (li.firstChild) { li.removeChild(li.firstChild); }
    var area = el('textarea');
    area.value = p.text;
    area.rows = 3;
    var select = el('select');
    var kinds = ['Condition', 'Astuce', 'Temoignage'];
    for (var i = 0; i < kinds.length; i++) {
      var o = el('option', '', kindName(kinds[i]));
      o.value = kinds[i];
      if (kinds[i] === p.kind) { o.selected = true; }
      select.appendChild(o);
    }
    var save = el('button', '', t('save'));
    save.type = 'button';
    save.onclick = function () {
      enqueue({ op: 'edit', id: p.id, text: area.value, kind: select.value });
    };
    var cancel = el('button', '', t('cancel'));
    cancel.type = 'button';
    cancel.onclick = render;
    li.appendChild(area);
    li.appendChild(select);
    li.appendChild(save);
    li.appendChild(cancel);
    area.focus();
  }

  function render() {
    if (view) {
      document.getElementById('round').textContent = fill(t('round'), { round: view.round, rounds: view.rounds });
      document.getElementById('question').textContent = view.question;
    }
    showClock();
    var list = document.getElementById('list');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var shown = 0;
    var proposals = view ? view.proposals : [];
    for (var i = 0; i < proposals.length; i++) {
      (function (p) {
        var li = el('li');
        li.appendChild(el('span', 'kind-name', kindName(p.kind)));
        li.appendChild(el('span', 'text', p.text));
        var row = el('div');
        var edit = el('button', '', t('edit'));
        edit.type = 'button';
        edit.onclick = function () { editor(li, p); };
        var del = el('button', '', t('delete'));
        del.type = 'button';
        del.onclick = function () { if (window.confirm(t('confirm_delete'))) { enqueue({ op: 'delete', id: p.id }); } };
        row.appendChild(edit);
        row.appendChild(del);
        li.appendChild(row);
        list.appendChild(li);
        shown++;
      })(proposals[i]);
    }
    for (var j = 0; j < queue.length; j++) {
      if (queue[j].op !== 'add') { continue; }
      var pending = el('li', 'pending');
      pending.appendChild(el('span', 'kind-name', kindName(queue[j].kind)));
      pending.appendChild(el('span', 'text', queue[j].text));
      list.appendChild(pending);
      shown++;
    }
    if (shown === 0) { list.appendChild(el('li', '', t('none'))); }
  }

  function accept(answer) {
    if (answer && answer.proposals) { view = answer; viewAt = new Date().getTime(); }
  }

  function retryLater() {
    if (retryTimer === null) { retryTimer = window.setTimeout(function () { retryTimer = null; flush(); }, 2000); }
  }

  function flush() {
    if (sending) { return; }
    if (queue.length === 0) { return; }
    sending = true;
    var item = queue[0];
    var method = item.op === 'add' ? 'POST' : item.op === 'edit' ? 'PUT' : 'DELETE';
    var url = api + '/proposals' + (item.op === 'add' ? '' : '/' + item.id);
    var payload = item.op === 'delete' ? null : { text: item.text, kind: item.kind };
    request(method, url, payload, function (code, answer) {
      sending = false;
      if (code >= 200 && code < 300) {
        queue.shift();
        saveQueue();
        accept(answer);
        status(queue.length ? fill(t('pending'), { count: queue.length }) : t('sent'), false);
        render();
        flush();
      } else if (code === 0 || code === 429 || code >= 500) {
        status(t('offline') + ' ' + fill(t('pending'), { count: queue.length }), true);
        render();
        retryLater();
      } else if (code === 404) {
        // The address was renewed: keep everything, say so.
        status(answer && answer.error ? answer.error : t('offline'), true);
        render();
      } else {
        // Refused for good (too long, empty): the text goes back into the box.
        queue.shift();
        saveQueue();
        if (item.op !== 'delete') {
          var box = document.getElementById('text');
          box.value = item.text + (box.value ? '\n' + box.value : '');
          store(draftKey, box.value);
        }
        status(answer && answer.error ? answer.error : '', true);
        render();
        flush();
      }
    });
  }

  function enqueue(item) {
    queue.push(item);
    saveQueue();
    render();
    flush();
  }

  function refresh() {
    request('GET', api, null, function (code, answer) {
      if (code === 200) {
        accept(answer);
        render();
        if (queue.length) { flush(); }
      } else if (code === 0) {
        status(t('offline'), true);
      } else if (answer && answer.error) {
        status(answer.error, true);
      }
    });
  }

  var box = document.getElementById('text');
  box.value = load(draftKey, '');
  box.oninput = function () { store(draftKey, box.value); };
  document.getElementById('form').onsubmit = function (event) {
    if (event && event.preventDefault) { event.preventDefault(); }
    var text = box.value.replace(/^\s+|\s+$/g, '');
    if (!text) { return false; }
    var kind = 'Condition';
    var radios = document.getElementsByName('kind');
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].checked) { kind = radios[i].value.charAt(0).toUpperCase() + radios[i].value.slice(1); }
    }
    enqueue({ op: 'add', text: text, kind: kind });
    box.value = '';
    store(draftKey, '');
    return false;
  };
  window.setInterval(showClock, 1000);
  window.setInterval(refresh, 5000);
  window.addEventListener('online', flush);
  render();
  refresh();
  flush();
})();
