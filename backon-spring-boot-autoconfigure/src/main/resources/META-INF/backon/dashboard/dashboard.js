/*
 * Backon dashboard: polls the backon endpoint (policies, breakers, budgets, hedge counts) and its
 * events (events?since=<latest>) every second, at addresses relative to this page's
 * (<base path>/backon/dashboard), so it follows the Actuator base path and its security. Plain
 * JavaScript, no build step, no CDN.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var WINDOW_MS = 60000;
  var SHOWN_EVENTS = 60;
  var REPORT_URL = new URL('../backon', window.location.href);
  var EVENTS_URL = new URL('events', window.location.href);

  var cursor = null;
  var recent = [];
  var seen = {};
  var byPolicy = {};

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function row(cells, attributes) {
    var tr = el('tr', null, attributes);
    cells.forEach(function (cell) {
      tr.appendChild(cell instanceof Node ? wrap(cell) : el('td', cell));
    });
    return tr;
  }

  function wrap(node) {
    var td = el('td');
    td.appendChild(node);
    return td;
  }

  function fill(section, rows, columns, emptyText) {
    var body = document.querySelector('#' + section + ' tbody');
    body.replaceChildren.apply(body, rows);
    if (rows.length === 0) {
      var empty = el('td', emptyText, { colspan: String(columns), 'class': 'none' });
      var tr = el('tr');
      tr.appendChild(empty);
      body.appendChild(tr);
    }
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : value.toFixed(1) + ' %';
  }

  /** An ISO-8601 duration such as PT1M2.5S as seconds. */
  function seconds(iso) {
    var match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
    if (!match) {
      return iso || '';
    }
    var total = (+(match[1] || 0)) * 3600 + (+(match[2] || 0)) * 60 + (+(match[3] || 0));
    return total < 60 ? total.toFixed(1) + ' s' : Math.floor(total / 60) + ' min ' + Math.floor(total % 60) + ' s';
  }

  function clock(time) {
    return new Date(time).toLocaleTimeString();
  }

  function renderBreakers(breakers) {
    fill('breakers', Object.keys(breakers).map(function (name) {
      var b = breakers[name];
      var state = el('span', b.state, { 'class': 'state state-' + b.state, 'data-state': b.state });
      return row([name, state, percent(b.failureRate), percent(b.slowCallRate), b.bufferedCalls,
        b.failedCalls, b.consecutiveFailures, b.rejectedCalls, seconds(b.timeInState)],
        { 'data-breaker': name });
    }), 9, 'No circuit breakers.');
  }

  function countsOf(policy) {
    if (!byPolicy[policy]) {
      byPolicy[policy] = { retry: [], 'give-up': [], lastGiveUp: null };
    }
    return byPolicy[policy];
  }

  function renderPolicies(policies, now) {
    fill('policies', Object.keys(policies).map(function (name) {
      var counts = countsOf(name);
      ['retry', 'give-up'].forEach(function (kind) {
        counts[kind] = counts[kind].filter(function (time) { return now - time < WINDOW_MS; });
      });
      var giveUps = el('span', counts['give-up'].length,
        counts['give-up'].length > 0 ? { 'class': 'hot' } : {});
      var last = counts.lastGiveUp;
      return row([name, counts.retry.length, giveUps,
        last ? clock(last.time) + ' ' + last.reason + (last.exception ? ' ' + last.exception : '') : '–'],
        { 'data-policy': name });
    }), 4, 'No policies.');
  }

  function renderHedges(hedges) {
    fill('hedges', Object.keys(hedges).map(function (name) {
      var h = hedges[name];
      var ended = h.primaryWon + h.hedgeWon + h.allFailed + h.cancelled;
      return row([name, h.primaryWon, h.hedgeWon, h.allFailed, h.cancelled,
        ended === 0 ? '–' : (100 * h.hedgeWon / ended).toFixed(1) + ' %'], { 'data-hedging': name });
    }), 6, 'No policy hedges (or no Micrometer to count them).');
  }

  function renderBudgets(budgets) {
    fill('budgets', Object.keys(budgets).map(function (name) {
      var b = budgets[name];
      var meter = el('meter', null, { min: '0', max: String(b.maxTokens), low: String(b.maxTokens / 2 + 0.001),
        optimum: String(b.maxTokens), value: String(b.tokens) });
      return row([name, b.tokens.toFixed(1) + ' / ' + b.maxTokens, meter, b.retriesAllowed,
        b.retriesRefused], { 'data-budget': name });
    }), 5, 'No retry budgets.');
  }

  function describe(event) {
    var parts = [event.name];
    if (event.policy) { parts.push('policy ' + event.policy); }
    if (event.from) { parts.push(event.from + ' → ' + event.to); }
    if (event.outcome) { parts.push(event.outcome); }
    if (event.attempt) { parts.push('attempt ' + event.attempt); }
    if (event.wait) { parts.push('wait ' + seconds(event.wait)); }
    if (event.reason) { parts.push(event.reason); }
    if (event.exception) { parts.push(event.exception); }
    return parts.join(' · ');
  }

  function take(events) {
    events.forEach(function (event) {
      if (seen[event.id]) {
        return;
      }
      seen[event.id] = true;
      recent.unshift(event);
      if (event.source === 'policy' && (event.kind === 'retry' || event.kind === 'give-up')) {
        var counts = countsOf(event.name);
        counts[event.kind].push(Date.parse(event.time));
        if (event.kind === 'give-up') {
          counts.lastGiveUp = event;
        }
      }
    });
    recent.sort(function (a, b) { return b.id - a.id; });
    recent.slice(SHOWN_EVENTS).forEach(function (old) { delete seen[old.id]; });
    recent = recent.slice(0, SHOWN_EVENTS);
    var list = document.querySelector('#events ol');
    list.replaceChildren.apply(list, recent.map(function (event) {
      var item = el('li', null, { 'data-kind': event.kind });
      item.appendChild(el('span', clock(event.time), { 'class': 'time' }));
      item.appendChild(el('span', event.kind, { 'class': 'kind' }));
      item.appendChild(document.createTextNode(describe(event)));
      return item;
    }));
  }

  function get(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin',
      cache: 'no-store' }).then(function (response) {
      if (!response.ok) {
        throw new Error(url.pathname + ' answered HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function status(text, state) {
    var node = document.getElementById('status');
    node.textContent = text;
    node.setAttribute('data-status', state);
  }

  function poll() {
    var events = new URL(EVENTS_URL);
    if (cursor !== null) {
      events.searchParams.set('since', String(cursor));
    }
    Promise.all([get(REPORT_URL), get(events)]).then(function (answers) {
      var report = answers[0];
      var history = answers[1];
      cursor = history.latest;
      take(history.events);
      renderBreakers(Object.assign({}, report.circuitBreakers || {}, report.hostCircuitBreakers || {}));
      renderPolicies(report.policies || {}, Date.now());
      renderHedges(report.hedges || {});
      renderBudgets(report.budgets || {});
      status((report.enabled ? '' : 'retrying is OFF (backon.enabled=false) · ') + 'updated '
        + new Date().toLocaleTimeString(), 'ok');
    }).catch(function (error) {
      status('not updated: ' + error.message, 'error');
    }).finally(function () {
      window.setTimeout(poll, POLL_MS);
    });
  }

  poll();
}());
