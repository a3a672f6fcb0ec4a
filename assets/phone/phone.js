/* What the table page and the voting page share, loaded before each page's own script:
   the page's words (data-t-* attributes of the body), elements made with text only
   (never HTML), the status line, and JSON requests. Written for old phone browsers
   (ES5, XMLHttpRequest). */
var cafePhone = (function () {
  'use strict';
  var body = document.getElementById('page');

  /* The page's word for `key` (the key itself when the page has none). */
  function t(key) { return body.getAttribute('data-t-' + key) || key; }

  /* `text` with each `{name}` replaced by `values[name]`. */
  function fill(text, values) {
    for (var k in values) { if (values.hasOwnProperty(k)) { text = text.split('{' + k + '}').join(values[k]); } }
    return text;
  }

  /* A new element, with a class and text (put in as text, never as HTML). */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* The status line: `text`, marked as a problem when `bad`. */
  function status(text, bad) {
    var s = document.getElementById('status');
    s.textContent = text;
    s.className = bad ? 'offline' : '';
  }

  /* Sends `payload` as JSON (none when null); `done(code, answer)` gets the HTTP status
     (0 when the server could not be reached) and the answer read as JSON (null when it
     is not). */
  function request(method, url, payload, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.timeout = 15000;
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (e) { answer = null; }
      done(xhr.status, answer);
    };
    xhr.send(payload === null ? null : JSON.stringify(payload));
  }

  return { t: t, fill: fill, el: el, status: status, request: request };
})();
