/* global window, document, navigator, fetch, React, ReactDOM, GraphiQL */
// The gateway's IDE: GraphiQL served from the gateway's own files, a field for the bearer
// token, the saved examples as tabs, and labels in Vietnamese or English.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('ide-config').textContent);
  var LABELS = {
    vi: {
      title: 'Đồ thị chương trình phòng, chống mại dâm — Quảng Ngãi',
      token: 'Mã truy cập (bearer token)',
      placeholder: 'dán token từ npm run token',
      examples: 'Mở lại các ví dụ',
      language: 'Ngôn ngữ',
      signedIn: 'Đã nhập token',
      anonymous: 'Chưa có token: chỉ xem danh mục và số liệu năm đã công bố',
    },
    en: {
      title: 'Quảng Ngãi prevention-programme graph',
      token: 'Access token (bearer)',
      placeholder: 'paste a token from npm run token',
      examples: 'Reopen the examples',
      language: 'Language',
      signedIn: 'Token set',
      anonymous: 'No token: the catalogue and published yearly figures only',
    },
  };
  var store = window.sessionStorage;
  var language = store.getItem('qn-ide-language') || (/^en\b/i.test(navigator.language || '') ? 'en' : 'vi');
  var token = store.getItem('qn-ide-token') || '';
  var generation = 0;

  function labels() {
    return LABELS[language] || LABELS.vi;
  }

  function fetcher(params, options) {
    var headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    var extra = (options && options.headers) || {};
    Object.keys(extra).forEach(function (name) {
      headers[name] = extra[name];
    });
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(config.endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }

  // Tabs live in memory only, so the saved examples open afresh whenever the IDE is (re)mounted.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) {
        return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null;
      },
      setItem: function (key, value) {
        items[key] = String(value);
      },
      removeItem: function (key) {
        delete items[key];
      },
      clear: function () {
        items = {};
      },
      get length() {
        return Object.keys(items).length;
      },
    };
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render() {
    generation += 1;
    root.render(
      React.createElement(GraphiQL, {
        key: 'ide-' + generation,
        fetcher: fetcher,
        storage: memoryStorage(),
        defaultEditorToolsVisibility: 'variables',
        defaultTabs: config.examples.map(function (example) {
          return { query: example.query, variables: example.variables || '' };
        }),
      }),
    );
  }

  function paintBar() {
    var l = labels();
    document.documentElement.lang = language;
    document.getElementById('ide-title').textContent = l.title;
    document.getElementById('ide-token-label').textContent = l.token;
    document.getElementById('ide-token').placeholder = l.placeholder;
    document.getElementById('ide-examples').textContent = l.examples;
    document.getElementById('ide-language-label').textContent = l.language;
    document.getElementById('ide-status').textContent = token ? l.signedIn : l.anonymous;
  }

  var tokenInput = document.getElementById('ide-token');
  tokenInput.value = token;
  tokenInput.addEventListener('input', function () {
    token = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
    store.setItem('qn-ide-token', token);
    paintBar();
  });
  var languageSelect = document.getElementById('ide-language');
  languageSelect.value = language;
  languageSelect.addEventListener('change', function () {
    language = languageSelect.value;
    store.setItem('qn-ide-language', language);
    paintBar();
  });
  document.getElementById('ide-examples').addEventListener('click', render);
  paintBar();
  render();
})();
