/*
 * 联户 居民页面: report an issue (photos each to POST /api/uploads, then POST /api/cases with their ids),
 * follow it (GET /api/cases/{no}: photos, 消息通知, rating), and take part
 * in choosing a liaison head (联户长推选: GET /api/head-posts, nominations, objections and their answers)
 * and rate the unit's head once a quarter (评议联户长: GET /api/head-ratings/open, POST /api/head-ratings).
 * Plain browser JavaScript, no build step, no external resources. Everything the server sends is put
 * into the page with textContent, never as HTML: descriptions and remarks are written by the public.
 */
(function () {
  'use strict';

  var API = '../api/'; // relative: works under /report/ and /report/index.html, and behind a context path
  var ZONE = 'Asia/Shanghai'; // the county's time zone: remarks from the server quote times in it
  var DRAFT_KEY = 'lianhu.report.draft';
  var RECENT_KEY = 'lianhu.report.recent';
  var REQUEST_TIMEOUT_MS = 20000;
  var UPLOAD_STALL_MS = 30000; // an upload is given up after this long without progress, however slow it is
  var MAX_PHOTOS = 6; // as the server allows (lianhu.attachments.max-per-report)
  var MAX_PHOTO_BYTES = 10 * 1024 * 1024; // lianhu.attachments.max-file-size

  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------------------------------------
  // small helpers

  function text(el, value) {
    el.textContent = value == null ? '' : String(value);
    return el;
  }

  function make(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content != null) el.textContent = String(content);
    return el;
  }

  function storageGet(store, key) {
    try {
      var raw = store.getItem(key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function storageSet(store, key, value) {
    try {
      if (value == null) store.removeItem(key); else store.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode or full: the page works without it */ }
  }

  /** A random key; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function newKey() {
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    var hex = '';
    for (var j = 0; j < bytes.length; j++) hex += (bytes[j] < 16 ? '0' : '') + bytes[j].toString(16);
    return 'web-' + hex;
  }

  var timeFormat = (function () {
    try {
      return new Intl.DateTimeFormat('zh-CN', {
        timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
      });
    } catch (e) {
      return null;
    }
  })();

  /** "2026-11-25 16:50" in the county's time zone. */
  function formatTime(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    if (!timeFormat || !timeFormat.formatToParts) return d.toLocaleString();
    var p = {};
    timeFormat.formatToParts(d).forEach(function (part) { p[part.type] = part.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  /**
   * fetch with a timeout. Resolves to {status, json, text, problem} for every HTTP answer; rejects only
   * when no answer arrived (offline, timeout), with error.network = true.
   */
  function request(method, path, options) {
    options = options || {};
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    var headers = { 'Accept': 'application/json, application/problem+json' };
    if (options.body != null) headers['Content-Type'] = 'application/json';
    Object.keys(options.headers || {}).forEach(function (k) { headers[k] = options.headers[k]; });
    return fetch(API + path, {
      method: method,
      headers: headers,
      body: options.body,
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      return res.text().then(function (body) {
        return answer(res.status, res.headers.get('Content-Type'), body);
      });
    }, function (err) {
      var e = new Error(err && err.name === 'AbortError' ? 'timeout' : 'network');
      e.network = true;
      throw e;
    }).finally(function () {
      if (timer) clearTimeout(timer);
    });
  }

  /** An HTTP answer as request() gives it: {status, json, text, problem}. */
  function answer(status, contentType, body) {
    var json = null;
    try { json = body ? JSON.parse(body) : null; } catch (e) { json = null; }
    var type = contentType || '';
    var ok = status >= 200 && status < 300;
    var problem = ok ? null : (json && typeof json === 'object' ? json : { title: '服务暂时不可用', status: status });
    if (problem && type.indexOf('json') < 0 && !problem.detail) problem.detail = 'HTTP ' + status;
    return { status: status, json: json, text: body, problem: problem };
  }

  /**
   * A POST of one file as the raw request body (a photo to ../api/uploads) through XMLHttpRequest, which,
   * unlike fetch, reports how much of the body has gone: options.onProgress(sent, total, allSent) while
   * uploading and once the whole body is sent. Answers like request(); rejects with error.network when no
   * answer arrived, or with error.cancelled when the page called the cancel function handed to
   * options.onStart (the photo was removed). A slow upload is not a failure: it is given up after
   * UPLOAD_STALL_MS without progress, and the answer is awaited REQUEST_TIMEOUT_MS once everything is sent.
   */
  function requestUpload(path, body, options) {
    options = options || {};
    var progress = options.onProgress || function () {};
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var timer = null;
      var why = null; // 'timeout' or 'cancelled' once the page aborted the request itself
      var arm = function (ms) {
        clearTimeout(timer);
        timer = setTimeout(function () { why = 'timeout'; xhr.abort(); }, ms);
      };
      var failed = function () {
        clearTimeout(timer);
        var e = new Error(why || 'network');
        e.network = why !== 'cancelled';
        e.cancelled = why === 'cancelled';
        reject(e);
      };
      xhr.open('POST', API + path);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      Object.keys(options.headers || {}).forEach(function (k) { xhr.setRequestHeader(k, options.headers[k]); });
      xhr.upload.addEventListener('progress', function (e) {
        arm(UPLOAD_STALL_MS);
        progress(e.loaded, e.lengthComputable ? e.total : 0, false);
      });
      xhr.upload.addEventListener('load', function (e) {
        arm(REQUEST_TIMEOUT_MS);
        progress(e.loaded, e.lengthComputable ? e.total : 0, true);
      });
      xhr.addEventListener('load', function () {
        clearTimeout(timer);
        resolve(answer(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseText));
      });
      xhr.addEventListener('error', failed);
      xhr.addEventListener('abort', failed);
      arm(UPLOAD_STALL_MS);
      if (options.onStart) options.onStart(function () { why = 'cancelled'; xhr.abort(); });
      xhr.send(body);
    });
  }

  function problemType(problem) {
    var t = problem && problem.type ? String(problem.type) : '';
    return t.slice(t.lastIndexOf('/') + 1);
  }

  function problemMessage(problem) {
    if (!problem) return '';
    var parts = [];
    if (problem.title) parts.push(problem.title);
    if (problem.detail && problem.detail !== problem.title) parts.push(problem.detail);
    return parts.join('：') || ('错误 ' + (problem.status || ''));
  }

  var banner = $('banner');
  function showBanner(message, kind) {
    text(banner, message);
    banner.className = 'banner' + (kind ? ' ' + kind : '');
    banner.hidden = !message;
  }

  function setBusy(button, busy, busyLabel) {
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.disabled = busy;
    button.setAttribute('aria-busy', busy ? 'true' : 'false');
    if (busy && busyLabel) text(button, busyLabel);
    if (!busy) text(button, button.dataset.label);
  }

  // Field errors: each error paragraph is #e-<name>, inside a .field container.
  function fieldError(name, message) {
    var el = $('e-' + name);
    if (!el) return false;
    text(el, message);
    el.hidden = !message;
    var field = el.closest('.field');
    if (field) field.classList.toggle('invalid', !!message);
    var input = field && field.querySelector('input:not([type=radio]), select, textarea');
    if (input) {
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-errormessage', el.id);
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
    return true;
  }

  function clearErrors(container) {
    Array.prototype.forEach.call(container.querySelectorAll('.error'), function (el) {
      fieldError(el.id.slice(2), '');
    });
    Array.prototype.forEach.call(container.querySelectorAll('.form-error'), function (el) {
      el.hidden = true;
      text(el, '');
    });
  }

  function showFormError(el, message) {
    text(el, message);
    el.hidden = !message;
  }

  function focusFirstInvalid(container) {
    var field = container.querySelector('.field.invalid');
    if (!field) return;
    var input = field.querySelector('input:not([type=radio]), select, textarea, input[type=radio]');
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (input) {
      try { input.focus({ preventScroll: true }); } catch (e) { input.focus(); }
    }
  }

  // ================================================================================================
  // 上报

  var form = $('report-form');
  var f = {
    category: $('f-category'),
    description: $('f-description'),
    address: $('f-address'),
    liaisonUnit: $('f-liaison'),
    name: $('f-name'),
    phone: $('f-phone'),
    email: $('f-email')
  };
  var submitBtn = $('submit-btn');
  var formError = $('form-error');
  var geoStatus = $('geo-status');

  /*
   * One form fill = one Idempotency-Key. It survives a reload of the page (sessionStorage) and every retry,
   * so a double tap or a resend after a lost answer returns the same case instead of a second one.
   * `uncertain` holds bodies sent under the key whose answer never arrived: if the resident then edits the
   * form, the server answers 422 (key reused with another report), and the page recovers the receipt of
   * the report that did go through by resending that body.
   */
  var draft = storageGet(sessionStorage, DRAFT_KEY) || {};
  var state = {
    key: draft.key || null,
    geo: draft.geo || null,
    uncertain: draft.uncertain || [],
    busy: false,
    categoriesLoaded: false
  };

  function formValues() {
    var urgency = form.querySelector('input[name=urgency]:checked');
    return {
      category: f.category.value,
      description: f.description.value,
      address: f.address.value,
      liaisonUnit: f.liaisonUnit.value,
      urgency: urgency ? urgency.value : 'normal',
      name: f.name.value,
      phone: f.phone.value,
      email: f.email.value
    };
  }

  function saveDraft() {
    var v = formValues();
    var empty = !v.description && !v.address && !v.name && !v.phone && !v.email && !v.liaisonUnit && !v.category
      && !state.geo;
    if (empty && !state.key) {
      storageSet(sessionStorage, DRAFT_KEY, null);
      return;
    }
    if (!state.key) state.key = newKey(); // the first keystroke starts a form fill
    storageSet(sessionStorage, DRAFT_KEY, { key: state.key, values: v, geo: state.geo, uncertain: state.uncertain });
  }

  function restoreDraft() {
    var v = draft.values;
    if (!v) return;
    f.description.value = v.description || '';
    f.address.value = v.address || '';
    f.liaisonUnit.value = v.liaisonUnit || '';
    f.name.value = v.name || '';
    f.phone.value = v.phone || '';
    f.email.value = v.email || '';
    var radio = form.querySelector('input[name=urgency][value="' + (v.urgency || 'normal') + '"]');
    if (radio) radio.checked = true;
    if (state.geo) showGeo(state.geo);
    updateCounter(f.description, $('n-description'), 2000);
  }

  function updateCounter(input, counter, max) {
    var n = input.value.length;
    text(counter, n + ' / ' + max);
    counter.classList.toggle('near', n >= max * 0.9 && n < max);
    counter.classList.toggle('full', n >= max);
  }

  var saveTimer = null;
  form.addEventListener('input', function (e) {
    if (e.target === f.description) updateCounter(f.description, $('n-description'), 2000);
    var field = e.target.closest('.field');
    if (field && field.classList.contains('invalid')) {
      var err = field.querySelector('.error');
      if (err) fieldError(err.id.slice(2), '');
      if (!form.querySelector('.field.invalid')) showFormError(formError, '');
    }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, 300);
  });
  form.addEventListener('change', saveDraft);

  function loadCategories() {
    return request('GET', 'categories').then(function (res) {
      if (res.status !== 200 || !Array.isArray(res.json)) throw new Error(problemMessage(res.problem));
      var list = res.json.filter(function (c) { return c && c.code && c.active !== false; });
      list.sort(function (a, b) { return (a.sortOrder || 0) - (b.sortOrder || 0); });
      var wanted = (draft.values && draft.values.category) || f.category.value;
      f.category.textContent = '';
      var first = make('option', null, '请选择问题类别');
      first.value = '';
      f.category.appendChild(first);
      list.forEach(function (c) {
        var o = make('option', null, c.name || c.code);
        o.value = c.code;
        f.category.appendChild(o);
      });
      f.category.value = wanted && list.some(function (c) { return c.code === wanted; }) ? wanted : '';
      state.categoriesLoaded = true;
      categoryNames = {};
      list.forEach(function (c) { categoryNames[c.code] = c.name; });
      if (banner.dataset.source === 'categories') { showBanner(''); delete banner.dataset.source; }
    }).catch(function () {
      f.category.textContent = '';
      var o = make('option', null, '类别加载失败，请稍后刷新页面');
      o.value = '';
      f.category.appendChild(o);
      showBanner('暂时无法连接服务器，问题类别未能加载。请检查网络后刷新页面。');
      banner.dataset.source = 'categories';
    });
  }
  var categoryNames = {};

  // ---------- location ----------
  function showGeo(geo) {
    geoStatus.className = 'hint geo-ok';
    text(geoStatus, '已附上位置：纬度 ' + geo.latitude.toFixed(5) + '，经度 ' + geo.longitude.toFixed(5)
      + (geo.accuracy ? '（精度约 ' + Math.round(geo.accuracy) + ' 米）' : ''));
    $('geo-clear').hidden = false;
  }

  function geoMessage(message, warn) {
    geoStatus.className = 'hint' + (warn ? ' geo-warn' : '');
    text(geoStatus, message);
  }

  $('geo-btn').addEventListener('click', function () {
    var btn = this;
    fieldError('location', '');
    if (!('geolocation' in navigator)) {
      geoMessage('此浏览器不支持定位，请直接填写事发地点。', true);
      return;
    }
    if (window.isSecureContext === false) {
      geoMessage('当前网页未使用安全连接（HTTPS），浏览器不允许获取位置，请直接填写事发地点。', true);
      return;
    }
    setBusy(btn, true);
    geoMessage('正在获取位置…');
    navigator.geolocation.getCurrentPosition(function (pos) {
      setBusy(btn, false);
      state.geo = {
        latitude: Math.round(pos.coords.latitude * 1e6) / 1e6,
        longitude: Math.round(pos.coords.longitude * 1e6) / 1e6,
        accuracy: pos.coords.accuracy
      };
      showGeo(state.geo);
      saveDraft();
    }, function (err) {
      setBusy(btn, false);
      var msg;
      if (err && err.code === 1) {
        msg = '您未允许获取位置。没关系，填写事发地点即可；如需附上位置，请在浏览器设置中允许定位后再试。';
      } else if (err && err.code === 3) {
        msg = '定位超时，请稍后重试，或直接填写事发地点。';
      } else {
        msg = '暂时无法确定您的位置，请直接填写事发地点。';
      }
      geoMessage(msg, true);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  $('geo-clear').addEventListener('click', function () {
    state.geo = null;
    this.hidden = true;
    geoMessage('可选：附上手机定位，方便工作人员尽快找到现场。');
    saveDraft();
  });

  // ---------- photos ----------
  /*
   * Up to MAX_PHOTOS files, each at most MAX_PHOTO_BYTES, taken with the camera or picked from the album.
   * They live only in this page (not in the draft: a reload forgets them). Each image is previewed
   * through an object URL, revoked when it is removed or the form is done. The first bytes of each file
   * are looked at, as the server does, so that a text renamed .jpg is refused here at once.
   *
   * A photo that passes is uploaded at once, on its own, as the raw body of POST ../api/uploads (at most
   * UPLOAD_SLOTS at a time), its progress on its tile; the server answers an upload id, and the report
   * is then sent as JSON with "photos": [ids] in the order shown. The server has the last word: a photo
   * it refuses (400/413/415, a damaged JPEG say) is marked with its message next to the field and 重试;
   * the report waits until every photo has its id. Removing a photo cancels its upload and drops its id.
   * A resend of the report (a lost answer) carries the same ids: the photos are not uploaded again.
   */
  var UPLOAD_SLOTS = 2;
  var photos = []; // see addPhotos: {file, kind, url, id, status, sent, failure, ...its tile's elements}
  var photoNotes = ''; // what the page itself refused of the last choice (too many, not a photo, too big)
  var photoInputs = [$('f-camera'), $('f-album')];
  var photoList = $('photo-list');
  var photoCount = $('photo-count');
  var uploadStatus = $('upload-status');
  var HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'];
  var KIND_EXT = { jpeg: 'jpg', png: 'png', webp: 'webp', heif: 'heic', pdf: 'pdf' };

  /** The first 16 bytes of a file. */
  function fileHead(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(new Uint8Array(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file.slice(0, 16));
    });
  }

  /** What the bytes say the file is (the kinds the server takes), or null. */
  function fileKind(b) {
    var ascii = function (from, to) { return String.fromCharCode.apply(null, Array.prototype.slice.call(b, from, to)); };
    if (b.length >= 3 && b[0] === 0xFF && b[1] === 0xD8 && b[2] === 0xFF) return 'jpeg';
    if (b.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
    if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
    if (b.length >= 12 && ascii(4, 8) === 'ftyp' && HEIF_BRANDS.indexOf(ascii(8, 12)) >= 0) return 'heif';
    if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'pdf';
    return null;
  }

  function formatSize(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
    return Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function photoName(p) {
    return p.file.name || ('照片.' + KIND_EXT[p.kind]);
  }

  /**
   * The photo field's message: what the page refused of the last choice, then each photo whose upload
   * failed (the server's words for a refusal).
   */
  function showPhotoErrors() {
    var lines = photoNotes ? [photoNotes] : [];
    photos.forEach(function (p) {
      if (p.status === 'failed') lines.push('“' + photoName(p) + '”未能上传：' + p.failure.message);
    });
    fieldError('photos', lines.join('；\n'));
  }

  /** After the resident added or removed photos: a form error about the field goes once it is fine. */
  function photosChanged() {
    showPhotoErrors();
    if (!form.querySelector('.field.invalid')) showFormError(formError, '');
  }

  /** Adds the chosen files that fit and starts their uploads; says next to the field which were refused and why. */
  function addPhotos(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return Promise.resolve();
    return Promise.all(files.map(function (file) {
      return fileHead(file).then(function (head) {
        return { file: file, kind: fileKind(head) };
      }, function () {
        return { file: file, kind: null };
      });
    })).then(function (checked) {
      var refused = [];
      var over = 0;
      var added = [];
      checked.forEach(function (c) {
        var name = '“' + (c.file.name || '照片') + '”';
        if (c.file.size > MAX_PHOTO_BYTES) {
          refused.push(name + '超过 10 MB，不能上传');
        } else if (!c.kind) {
          refused.push(name + '不是照片或 PDF 文件，不能上传（可以上传 JPEG、PNG、WebP、HEIC 照片或 PDF）');
        } else if (photos.length >= MAX_PHOTOS) {
          over++;
        } else {
          var p = {
            file: c.file,
            kind: c.kind,
            url: c.kind === 'pdf' ? null : URL.createObjectURL(c.file),
            id: null, // the upload id, once the server has the photo
            status: 'queued', // queued → uploading → done, or failed (failure: {message, definite})
            sent: 0,
            failure: null
          };
          photoItem(p);
          photos.push(p);
          added.push(p);
        }
      });
      if (over) refused.push('最多只能附 ' + MAX_PHOTOS + ' 张照片，另外选的 ' + over + ' 张没有添加');
      photoNotes = refused.join('；\n');
      renderPhotos();
      added.forEach(enqueue);
      pumpUploads();
      photosChanged();
    });
  }

  function removePhoto(photo) {
    var i = photos.indexOf(photo);
    if (i < 0) return;
    dropPhoto(photo);
    photos.splice(i, 1);
    photoNotes = '';
    renderPhotos();
    photosChanged();
    pumpUploads();
    // The focus goes to the next photo's 删除, or to 从相册选择 when none is left after it.
    var next = photoList.querySelectorAll('.photo-remove')[Math.min(i, photos.length - 1)];
    try { (next || photoInputs[1]).focus({ preventScroll: true }); } catch (e) { (next || photoInputs[1]).focus(); }
  }

  /** Forgets a photo: its upload is cancelled, its id dropped, its preview's URL revoked. */
  function dropPhoto(p) {
    p.removed = true;
    p.id = null;
    if (p.cancel) p.cancel();
    if (p.settle) p.settle();
    if (p.url) URL.revokeObjectURL(p.url);
  }

  function clearPhotos() {
    photos.forEach(dropPhoto);
    photos = [];
    photoNotes = '';
    photoInputs.forEach(function (input) { input.value = ''; });
    renderPhotos();
  }

  function photoTile(label, note) {
    var tile = make('span', 'photo-tile');
    tile.appendChild(make('b', null, label));
    if (note) tile.appendChild(make('span', 'photo-tile-note', note));
    return tile;
  }

  /** The tile of a chosen photo, made once: the preview, its size and upload state, 重试 and 删除. */
  function photoItem(p) {
    var li = make('li', 'photo-item');
    if (p.url) {
      var img = make('img', 'photo-thumb');
      img.addEventListener('error', function () {
        // HEIC and the like: the phone's browser may not show them; the server still takes them.
        if (img.parentNode) li.replaceChild(photoTile(p.kind === 'heif' ? 'HEIC' : '照片', '无法预览'), img);
      });
      img.src = p.url;
      li.appendChild(img);
      p.img = img;
    } else {
      li.appendChild(photoTile('PDF', p.file.name));
    }
    var foot = make('span', 'photo-foot');
    foot.appendChild(make('span', 'photo-size', formatSize(p.file.size)));
    p.stateEl = foot.appendChild(make('span', 'photo-state'));
    p.bar = foot.appendChild(document.createElement('progress'));
    p.bar.className = 'photo-bar';
    p.bar.max = 100;
    li.appendChild(foot);
    p.retry = make('button', 'photo-retry', '重试');
    p.retry.type = 'button';
    p.retry.addEventListener('click', function () {
      if (state.busy || p.status !== 'failed') return;
      queueUpload(p);
      showPhotoErrors();
    });
    li.appendChild(p.retry);
    p.removeBtn = make('button', 'photo-remove', '删除');
    p.removeBtn.type = 'button';
    p.removeBtn.addEventListener('click', function () { removePhoto(p); });
    li.appendChild(p.removeBtn);
    p.li = li;
    showPhotoState(p);
  }

  /** A photo's upload state on its tile: 等待上传, 上传中 37%, 已上传 or 上传失败 with 重试. */
  function showPhotoState(p) {
    var percent = p.file.size > 0 ? Math.min(99, Math.floor(p.sent * 100 / p.file.size)) : 0;
    var words = { queued: '等待上传', uploading: '上传中 ' + percent + '%', done: '已上传', failed: '上传失败' };
    text(p.stateEl, words[p.status]);
    p.li.dataset.state = p.status;
    p.li.classList.toggle('is-failed', p.status === 'failed');
    p.li.classList.toggle('is-done', p.status === 'done');
    p.bar.hidden = p.status !== 'queued' && p.status !== 'uploading';
    p.bar.value = p.status === 'uploading' ? percent : 0;
    p.retry.hidden = p.status !== 'failed';
  }

  function renderPhotos() {
    photoList.textContent = '';
    photos.forEach(function (p, i) {
      var label = '第 ' + (i + 1) + ' 张：' + photoName(p);
      if (p.img) p.img.alt = label;
      p.removeBtn.disabled = state.busy;
      p.removeBtn.setAttribute('aria-label', '删除' + label);
      p.retry.disabled = state.busy;
      p.retry.setAttribute('aria-label', '重新上传' + label);
      p.bar.setAttribute('aria-label', '上传进度：' + label);
      photoList.appendChild(p.li);
    });
    var full = photos.length >= MAX_PHOTOS;
    photoList.hidden = !photos.length;
    photoCount.hidden = !photos.length;
    text(photoCount, '已选 ' + photos.length + ' / ' + MAX_PHOTOS + ' 张' + (full ? '（已达上限，删除后可再添加）' : ''));
    photoInputs.forEach(function (input) {
      input.disabled = full || state.busy;
      var label = form.querySelector('label[for="' + input.id + '"]');
      if (label) label.classList.toggle('disabled', input.disabled);
    });
  }

  photoInputs.forEach(function (input) {
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = ''; // the same photo can be chosen again after it was removed
      addPhotos(files);
    });
  });

  /**
   * Puts a photo in line for its upload (an upload on its way is given up first); p.settled resolves once
   * that upload has ended, either way. pumpUploads() then starts it when a slot is free.
   */
  function enqueue(p) {
    if (p.cancel) p.cancel();
    if (p.settle) p.settle();
    p.attempt = (p.attempt || 0) + 1;
    p.status = 'queued';
    p.sent = 0;
    p.failure = null;
    p.id = null;
    p.settled = new Promise(function (resolve) { p.settle = resolve; });
    showPhotoState(p);
  }

  function queueUpload(p) {
    enqueue(p);
    pumpUploads();
  }

  function pumpUploads() {
    var active = photos.filter(function (p) { return p.status === 'uploading'; }).length;
    photos.forEach(function (p) {
      if (active < UPLOAD_SLOTS && p.status === 'queued') {
        active++;
        startUpload(p);
      }
    });
    updateUploadStatus();
  }

  function startUpload(p) {
    var attempt = p.attempt;
    var settle = p.settle;
    // Whether this upload still counts: not once the photo was removed or queued again.
    var current = function () { return !p.removed && p.attempt === attempt; };
    p.status = 'uploading';
    p.sent = 0;
    showPhotoState(p);
    requestUpload('uploads', p.file, {
      headers: {
        'Content-Type': p.file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(photoName(p))
      },
      onStart: function (cancel) { p.cancel = cancel; },
      onProgress: function (sent) {
        if (!current()) return;
        p.sent = sent;
        showPhotoState(p);
        updateUploadStatus();
      }
    }).then(function (res) {
      if (!current()) return;
      if (res.status === 201 && res.json && res.json.id) {
        p.id = String(res.json.id);
        p.status = 'done';
      } else {
        // 400/413/415: the server will not take this file as it is; other answers may pass on a retry.
        var pr = res.problem || {};
        var definite = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
        var message = (pr.errors && (pr.errors.file || pr.errors.photos)) || pr.detail || problemMessage(pr);
        p.status = 'failed';
        p.failure = {
          definite: definite,
          message: definite ? message : '服务器暂时出错（' + res.status + '），请稍后点照片上的“重试”'
        };
      }
    }, function (err) {
      if (!current() || err.cancelled) return;
      p.status = 'failed';
      p.failure = {
        definite: false,
        message: (err.message === 'timeout' ? '上传超时' : '网络连接失败') + '，请检查网络后点照片上的“重试”'
      };
    }).then(function () {
      settle();
      if (!current()) return;
      p.cancel = null;
      showPhotoState(p);
      showPhotoErrors();
      pumpUploads();
    });
  }

  /** Resolves once no photo is waiting for or on its upload. */
  function uploadsSettled() {
    var pending = photos.filter(function (p) { return p.status === 'queued' || p.status === 'uploading'; });
    if (!pending.length) return Promise.resolve();
    return Promise.all(pending.map(function (p) { return p.settled; })).then(uploadsSettled);
  }

  function showUploadStatus(message) {
    text(uploadStatus, message);
    uploadStatus.hidden = !message;
  }

  /** While the report is being sent: how far the photos are, above the submit button. */
  function updateUploadStatus() {
    if (!state.busy || !photos.length) return;
    var done = photos.filter(function (p) { return p.status === 'done'; }).length;
    if (done === photos.length) {
      showUploadStatus('照片已上传，正在提交上报…');
      return;
    }
    var total = 0;
    var sent = 0;
    photos.forEach(function (p) {
      total += p.file.size;
      sent += p.status === 'done' ? p.file.size : p.sent;
    });
    showUploadStatus('正在上传照片（已完成 ' + done + ' / ' + photos.length + ' 张）… '
      + (total ? Math.min(99, Math.floor(sent * 100 / total)) : 0) + '%（'
      + formatSize(sent) + ' / ' + formatSize(total) + '）');
  }

  // ---------- validation and submission ----------
  var PHONE = /^\+?[0-9][0-9-]{4,19}$/;
  // The basic shape of an address (the server checks it properly): something@something.tld, no spaces.
  var EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

  function buildReport(v) {
    var location = { address: v.address.trim() };
    if (state.geo) {
      location.latitude = state.geo.latitude;
      location.longitude = state.geo.longitude;
    }
    if (v.liaisonUnit.trim()) location.liaisonUnit = v.liaisonUnit.trim();
    var reporter = { name: v.name.trim(), phone: v.phone.replace(/\s+/g, '') };
    if (v.email.trim()) reporter.email = v.email.trim();
    return {
      category: v.category,
      description: v.description, // verbatim: the server keeps line breaks and spacing
      location: location,
      urgency: v.urgency,
      reporter: reporter,
      source: 'resident'
    };
  }

  function validate(v) {
    var errors = {};
    if (!v.category) errors.category = state.categoriesLoaded ? '请选择问题类别' : '问题类别未能加载，请刷新页面';
    if (!v.description.trim()) errors.description = '请描述您遇到的问题';
    else if (v.description.length > 2000) errors.description = '问题描述不能超过 2000 字';
    if (!v.address.trim()) errors.address = '请填写事发地点';
    if (!v.name.trim()) errors.name = '请填写您的称呼';
    var phone = v.phone.replace(/\s+/g, '');
    if (!phone) errors.phone = '请填写联系电话，方便工作人员联系您';
    else if (!PHONE.test(phone)) errors.phone = '电话号码只能包含数字和连字符，5 到 20 位';
    var email = v.email.trim();
    if (email.length > 200) errors.email = '电子邮箱不能超过 200 个字符';
    else if (email && !EMAIL.test(email)) errors.email = '电子邮箱格式不正确，例如：zhang@example.com';
    return errors;
  }

  // problem+json field names → the page's fields
  var FIELD_OF = {
    'category': 'category',
    'description': 'description',
    'location': 'location',
    'location.address': 'address',
    'location.latitude': 'location',
    'location.longitude': 'location',
    'location.liaisonUnit': 'liaisonUnit',
    'urgency': 'urgency',
    'reporter': 'name',
    'reporter.name': 'name',
    'reporter.phone': 'phone',
    'reporter.email': 'email',
    'photos': 'photos'
  };

  function showProblem(problem, fieldMap, errorBox, container) {
    var errors = problem && problem.errors && typeof problem.errors === 'object' ? problem.errors : null;
    var unplaced = [];
    var placed = 0;
    if (errors) {
      Object.keys(errors).forEach(function (key) {
        var name = fieldMap[key];
        if (name && fieldError(name, errors[key])) placed++;
        else unplaced.push(errors[key]);
      });
    }
    if (!errors || unplaced.length) {
      showFormError(errorBox, unplaced.length ? unplaced.join('\n') : problemMessage(problem));
    } else if (placed) {
      showFormError(errorBox, '请修改上面标红的 ' + placed + ' 处内容后再提交。');
    }
    focusFirstInvalid(container);
  }

  /**
   * Sends the report, JSON with the photos' upload ids, under the form fill's Idempotency-Key; the server
   * compares the report, so a resend after a lost answer (the same JSON, the same ids) returns the case
   * the first send opened, with its photos.
   */
  function send(body) {
    return request('POST', 'cases', { body: body, headers: { 'Idempotency-Key': state.key } });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (state.busy) return; // a second tap while the first is on its way
    clearErrors(form);
    photoNotes = '';
    showBanner('');
    var v = formValues();
    var errors = validate(v);
    var names = Object.keys(errors);
    names.forEach(function (n) { fieldError(n, errors[n]); });
    // A photo the server refused stays refused: the resident removes it (or tries 重试) first.
    var refusedPhoto = photos.some(function (p) { return p.status === 'failed' && p.failure.definite; });
    showPhotoErrors();
    if (names.length || refusedPhoto) {
      showFormError(formError, '请修改上面标红的 ' + (names.length + (refusedPhoto ? 1 : 0)) + ' 处内容后再提交。');
      focusFirstInvalid(form);
      return;
    }
    if (!state.key) state.key = newKey();
    state.busy = true;
    // Uploads that failed on the way (network) are tried once more; the report waits for every photo.
    photos.forEach(function (p) { if (p.status === 'failed') enqueue(p); });
    pumpUploads();
    showPhotoErrors();
    var uploading = photos.some(function (p) { return p.status !== 'done'; });
    setBusy(submitBtn, true, uploading ? '正在上传照片…' : '正在提交…');
    renderPhotos(); // no adding or removing while the report is on its way
    updateUploadStatus();
    saveDraft();

    var body = null;
    uploadsSettled().then(function () {
      var missing = photos.filter(function (p) { return p.status !== 'done'; });
      if (missing.length) {
        showPhotoErrors();
        showFormError(formError, missing.some(function (p) { return p.failure && p.failure.definite; })
          ? '请修改上面标红的 1 处内容后再提交。'
          : '照片未能全部上传，您填写的内容已保留。请检查网络后点照片上的“重试”或再点“提交上报”。');
        focusFirstInvalid(form);
        return null;
      }
      setBusy(submitBtn, true, '正在提交…');
      updateUploadStatus();
      var report = buildReport(v);
      if (photos.length) report.photos = photos.map(function (p) { return p.id; });
      body = JSON.stringify(report);
      return send(body).then(function (res) {
        if (res.status === 422 && problemType(res.problem) === 'idempotency-key-reused') {
          return recover(body, res);
        }
        return res;
      }).then(function (res) {
        if (res.status === 201 || res.status === 200) {
          finish(res.json, res.recovered);
        } else if (res.status >= 500) {
          rememberUncertain(body);
          showFormError(formError, '服务器暂时出错（' + res.status + '），您填写的内容已保留，请稍后再点“提交上报”。重新提交不会重复上报。');
        } else {
          // A definite refusal: nothing was written, the resident corrects the form and resends.
          showProblem(res.problem, FIELD_OF, formError, form);
          // Their own case, reported before: its number goes into 进度查询, for the code they were given.
          if (res.status === 409 && problemType(res.problem) === 'repeat-report' && res.problem.caseNo) {
            tNo.value = res.problem.caseNo;
          }
          // Upload ids the server no longer takes (expired after 24 hours): the photos go up once more.
          if (res.status === 400 && res.problem && res.problem.errors && res.problem.errors.photos && photos.length) {
            photoNotes = res.problem.errors.photos + '。照片正在重新上传，完成后请再点“提交上报”';
            photos.forEach(enqueue);
            pumpUploads();
            showPhotoErrors();
          }
        }
      }, function (err) {
        if (!err.network) throw err;
        rememberUncertain(body);
        showFormError(formError, (err.message === 'timeout' ? '服务器响应超时。' : '网络连接失败。')
          + '您填写的内容已保留，请检查网络后再点“提交上报”。重新提交不会重复上报。');
      });
    }).catch(function (err) {
      showFormError(formError, '提交失败：' + (err && err.message ? err.message : err));
    }).then(function () {
      state.busy = false;
      setBusy(submitBtn, false);
      showUploadStatus('');
      renderPhotos();
    });
  });

  function rememberUncertain(body) {
    if (state.uncertain.indexOf(body) < 0) state.uncertain.push(body);
    saveDraft();
  }

  /**
   * 422 key reused: an earlier send under this key went through; resend it to get its receipt. The same
   * JSON, with the same upload ids (no photo goes up again): the server answers a resend of the same
   * report with the case it opened then (photos and all), and refuses any other report under the key.
   */
  function recover(currentBody, refused) {
    var candidates = state.uncertain.filter(function (b) { return b !== currentBody; });
    var attempt = function (i) {
      if (i >= candidates.length) {
        // Nothing to recover with: start a new form fill so that the resident can submit again.
        state.key = newKey();
        state.uncertain = [];
        saveDraft();
        var p = refused.problem || {};
        return { status: 409, problem: { title: '提交未完成', detail: (p.detail ? p.detail + '。' : '')
          + '请再点一次“提交上报”。' } };
      }
      return send(candidates[i]).then(function (res) {
        if (res.status === 200 || res.status === 201) {
          res.recovered = true;
          return res;
        }
        return attempt(i + 1);
      });
    };
    return attempt(0);
  }

  function finish(receipt, recovered) {
    storageSet(sessionStorage, DRAFT_KEY, null);
    clearPhotos();
    state.key = null;
    state.uncertain = [];
    state.geo = null;
    rememberCase(receipt.caseNo, receipt.trackingCode, categoryNames[f.category.value]);
    var note;
    if (recovered) {
      note = '网络中断前您已提交的内容上报成功（以下是那一次的回执）；之后修改的内容没有提交，如需补充请再反映一次。';
    } else if (receipt.replayed) {
      note = '这份上报此前已经提交成功，以下是它的回执，没有重复上报。';
    } else {
      note = '我们已收到您反映的问题，工作人员将尽快受理。';
    }
    text($('receipt-note'), note);
    text($('r-caseNo'), receipt.caseNo);
    text($('r-code'), receipt.trackingCode);
    text($('r-copy-status'), '');
    $('r-track').setAttribute('href', trackHref(receipt.caseNo, receipt.trackingCode));
    form.hidden = true;
    $('receipt').hidden = false;
    window.scrollTo(0, 0);
    $('receipt').focus();
  }

  function resetForm() {
    form.reset();
    clearErrors(form);
    clearPhotos();
    state.key = null;
    state.uncertain = [];
    state.geo = null;
    $('geo-clear').hidden = true;
    geoMessage('可选：附上手机定位，方便工作人员尽快找到现场。');
    updateCounter(f.description, $('n-description'), 2000);
    storageSet(sessionStorage, DRAFT_KEY, null);
  }

  $('r-new').addEventListener('click', function () {
    resetForm();
    $('receipt').hidden = true;
    form.hidden = false;
    window.scrollTo(0, 0);
    f.category.focus();
  });

  $('r-copy').addEventListener('click', function () {
    var value = '事件编号：' + $('r-caseNo').textContent + '\n查询码：' + $('r-code').textContent;
    var done = function () { text($('r-copy-status'), '已复制，可粘贴到备忘录或发给家人保存。'); };
    var fallback = function () {
      var area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) done(); else text($('r-copy-status'), '无法自动复制，请手动抄写或截图保存。');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(done, fallback);
    } else {
      fallback();
    }
  });

  // ---------- cases remembered on this phone ----------
  function recentCases() {
    var list = storageGet(localStorage, RECENT_KEY);
    return Array.isArray(list) ? list : [];
  }

  function rememberCase(no, code, categoryName) {
    if (!no || !code) return;
    var list = recentCases().filter(function (c) { return c.no !== no; });
    list.unshift({ no: no, code: code, category: categoryName || '', at: new Date().toISOString() });
    storageSet(localStorage, RECENT_KEY, list.slice(0, 10));
  }

  function renderRecent() {
    var list = recentCases();
    var ul = $('recent-list');
    ul.textContent = '';
    $('recent').hidden = list.length === 0;
    list.forEach(function (c) {
      var li = document.createElement('li');
      var a = make('a', 'btn btn-secondary');
      a.href = trackHref(c.no, c.code);
      a.appendChild(make('span', 'mono', c.no));
      a.appendChild(make('span', null, (c.category ? c.category + ' · ' : '') + formatTime(c.at).slice(0, 10)));
      li.appendChild(a);
      ul.appendChild(li);
    });
  }

  $('recent-clear').addEventListener('click', function () {
    storageSet(localStorage, RECENT_KEY, null);
    renderRecent();
  });

  // ================================================================================================
  // 进度查询

  var trackForm = $('track-form');
  var tNo = $('t-no');
  var tCode = $('t-code');
  var trackBtn = $('track-btn');
  var trackError = $('track-error');
  var current = null; // {no, code, view}

  function trackHref(no, code) {
    return '#/track?no=' + encodeURIComponent(no) + '&code=' + encodeURIComponent(code);
  }

  function normaliseNo(value) {
    return value.replace(/\s+/g, '').replace(/[－—–]/g, '-');
  }

  function normaliseCode(value) {
    return value.replace(/\s+/g, '').toUpperCase();
  }

  trackForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var no = normaliseNo(tNo.value);
    var code = normaliseCode(tCode.value);
    clearErrors(trackForm);
    var bad = 0;
    if (!no) { fieldError('no', '请输入事件编号'); bad++; }
    if (!code) { fieldError('code', '请输入查询码'); bad++; }
    if (bad) { focusFirstInvalid(trackForm); return; }
    history.replaceState(null, '', trackHref(no, code));
    lookUp(no, code, { scroll: true });
  });

  trackForm.addEventListener('input', function (e) {
    var field = e.target.closest('.field');
    if (field && field.classList.contains('invalid')) fieldError(field.dataset.field, '');
  });

  /** With a case on screen the query form folds into one line; 查询其他事件 opens it again. */
  function foldTrackForm(caseNo) {
    $('track-summary').hidden = !caseNo;
    $('track-fields').hidden = !!caseNo;
    if (caseNo) text($('ts-no'), caseNo);
  }

  $('track-other').addEventListener('click', function () {
    foldTrackForm(null);
    tNo.value = '';
    tCode.value = '';
    tNo.focus();
  });

  var lookupSeq = 0;
  function lookUp(no, code, opts) {
    opts = opts || {};
    var seq = ++lookupSeq;
    tNo.value = no;
    tCode.value = code;
    if (!opts.quiet) {
      setBusy(trackBtn, true, '正在查询…');
      showFormError(trackError, '');
    }
    return request('GET', 'cases/' + encodeURIComponent(no), { headers: { 'X-Tracking-Code': code } })
      .then(function (res) {
        if (seq !== lookupSeq) return null;
        if (res.status === 200 && res.json) {
          current = { no: res.json.caseNo || no, code: code, view: res.json };
          renderCase(res.json);
          foldTrackForm(current.no);
          rememberCase(current.no, code, res.json.categoryName);
          if (opts.scroll) $('case').scrollIntoView({ block: 'start', behavior: 'smooth' });
          return res.json;
        }
        $('case').hidden = true;
        current = null;
        releaseCaseFiles();
        foldTrackForm(null);
        if (res.status === 404) {
          showFormError(trackError, '事件编号或查询码不正确，请核对后重试。');
        } else if (res.status === 400) {
          showProblem(res.problem, { trackingCode: 'code', caseNo: 'no' }, trackError, trackForm);
        } else {
          showFormError(trackError, '查询失败：' + problemMessage(res.problem));
        }
        return null;
      }, function (err) {
        if (seq !== lookupSeq) return null;
        if (!err.network) throw err;
        foldTrackForm(null);
        showFormError(trackError, (err.message === 'timeout' ? '服务器响应超时' : '网络连接失败') + '，请检查网络后重试。');
        return null;
      })
      .then(function (view) {
        if (!opts.quiet) setBusy(trackBtn, false);
        return view;
      });
  }

  function renderCase(view) {
    text($('c-no'), view.caseNo);
    var status = $('c-status');
    text(status, view.statusName || view.status);
    status.className = 'status s-' + String(view.status || '').replace(/[^A-Z_]/g, '');
    text($('c-category'), view.categoryName || view.category);
    text($('c-urgency'), view.urgencyName || view.urgency);
    text($('c-address'), view.address);
    text($('c-reportedAt'), formatTime(view.reportedAt));
    text($('c-reporter'), [view.reporterName, view.reporterPhone].filter(Boolean).join('　'));
    text($('c-description'), view.description);
    // A link the reporter's client gave (Open311 media_url, http or https only): shown, not fetched.
    var media = $('c-media');
    var hasMedia = typeof view.mediaUrl === 'string' && /^https?:\/\//.test(view.mediaUrl);
    $('c-media-row').hidden = !hasMedia;
    media.href = hasMedia ? view.mediaUrl : '#';
    text(media, hasMedia ? view.mediaUrl : '');

    var resultBox = $('c-result-box');
    var mergedLink = $('c-merged-link');
    mergedLink.hidden = !view.mergedInto;
    if (view.mergedInto) {
      text($('c-result-title'), '已合并办理');
      text($('c-result'), '本诉求与事件 ' + view.mergedInto + ' 为同一诉求，已合并办理。您可以用本查询码查看该事件的进度，办结后也可以评价。');
      mergedLink.href = trackHref(view.mergedInto, current ? current.code : '');
      text(mergedLink, '查看事件 ' + view.mergedInto + ' 的进度');
      resultBox.classList.remove('rejected');
      resultBox.hidden = false;
    } else if (view.rejectReason) {
      text($('c-result-title'), '不予受理的理由');
      text($('c-result'), view.rejectReason);
      resultBox.classList.add('rejected');
      resultBox.hidden = false;
    } else if (view.result) {
      text($('c-result-title'), '办理结果' + (view.outcomeName ? '：' + view.outcomeName : '') +
        (view.resolvedAt ? '（' + formatTime(view.resolvedAt) + '）' : ''));
      text($('c-result'), view.result);
      resultBox.classList.remove('rejected');
      resultBox.hidden = false;
    } else if (view.extensions > 0 && view.handleDue) {
      text($('c-result-title'), '办理时限已延期');
      text($('c-result'), '经街道批准，办理时限延至 ' + formatTime(view.handleDue));
      resultBox.classList.remove('rejected');
      resultBox.hidden = false;
    } else {
      resultBox.hidden = true;
    }

    var ratedBox = $('c-rating-box');
    if (view.ratingName || view.rating) {
      text($('c-rating'), view.ratingName || view.rating);
      ratedBox.hidden = false;
    } else {
      ratedBox.hidden = true;
    }

    var rate = $('rate');
    var wasOpen = !rate.hidden && rate.dataset.caseNo === view.caseNo;
    rate.hidden = !view.awaitingRating;
    if (view.awaitingRating && !wasOpen) {
      $('rate-form').reset();
      clearErrors($('rate-form'));
      markRating();
      updateCounter($('rate-comment'), $('n-comment'), 500);
    }
    rate.dataset.caseNo = view.awaitingRating ? view.caseNo : '';

    var ol = $('timeline');
    ol.textContent = '';
    (view.timeline || []).forEach(function (step) {
      var li = document.createElement('li');
      li.appendChild(make('div', 'tl-time', formatTime(step.at)));
      var head = make('div', 'tl-action', step.action);
      if (step.actor) head.appendChild(make('span', 'tl-actor', step.actor));
      li.appendChild(head);
      if (step.remark) li.appendChild(make('p', 'tl-remark', step.remark));
      ol.appendChild(li);
    });
    if (!ol.children.length) ol.appendChild(make('li', null, '暂无办理记录'));
    renderMessages(view);
    renderFiles(view);
    $('case').hidden = false;
  }

  /**
   * 消息通知: what the reporter was told about the case (受理, 派单, 延期, 结果反馈, 结案; also sent by SMS and
   * to the e-mail address they gave), newest first; nothing when there is none.
   */
  function renderMessages(view) {
    var list = (Array.isArray(view.messages) ? view.messages : []).filter(function (m) {
      return m && (m.subject || m.body);
    });
    var at = function (m) {
      var t = new Date(m.sentAt).getTime();
      return isNaN(t) ? 0 : t;
    };
    list = list.map(function (m, i) { return { m: m, i: i }; }).sort(function (a, b) {
      return at(b.m) - at(a.m) || a.i - b.i;
    }).map(function (x) { return x.m; });
    var ol = $('c-messages-list');
    ol.textContent = '';
    list.forEach(function (m) {
      var li = make('li', 'message');
      var head = make('div', 'message-head');
      head.appendChild(make('b', 'message-subject', m.subject || ''));
      var time = make('time', 'message-time', formatTime(m.sentAt));
      if (m.sentAt) time.setAttribute('datetime', String(m.sentAt));
      head.appendChild(time);
      li.appendChild(head);
      if (m.body) li.appendChild(make('p', 'message-body', m.body));
      ol.appendChild(li);
    });
    $('c-messages').hidden = list.length === 0;
  }

  // ---------- photos of the case ----------
  /*
   * The case's files (view.files): 上报照片 (purpose REPORT, the reporter's) and 办理照片 (EVIDENCE, the
   * handler's). The server wants the tracking code in a header, never in a URL, so every thumbnail and
   * photo is fetched with X-Tracking-Code and shown through an object URL. Thumbnails are kept while the
   * same case is on screen (the page re-renders it on every refresh) and revoked when another case is
   * shown or the page leaves 进度查询; the full photo's URL is revoked when the viewer closes.
   */
  var FILE_GROUPS = [['REPORT', '上报照片'], ['EVIDENCE', '办理照片']];
  var caseFiles = { key: null, gen: 0, thumbs: {}, urls: [] }; // thumbs: id -> Promise of an object URL

  function filePath(no, id) {
    return 'cases/' + encodeURIComponent(no) + '/files/' + encodeURIComponent(id);
  }

  /** The bytes at `path` (below /api/) as a Blob, fetched with the tracking code `code`. */
  function fetchFile(path, code) {
    return fetch(API + path, {
      headers: { 'X-Tracking-Code': code },
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.blob();
    });
  }

  /** Forgets the thumbnails on screen and revokes every object URL of the case's files. */
  function releaseCaseFiles() {
    caseFiles.gen++;
    caseFiles.urls.forEach(function (url) { URL.revokeObjectURL(url); });
    caseFiles.urls = [];
    caseFiles.thumbs = {};
    caseFiles.key = null;
    closePhoto();
    $('c-files-groups').textContent = '';
    $('c-files').hidden = true;
  }

  /** An object URL of `blob`, revoked with the case's others. */
  function keptUrl(blob, gen) {
    var url = URL.createObjectURL(blob);
    if (gen !== caseFiles.gen) {
      URL.revokeObjectURL(url); // the case left the screen while it was loading
      return null;
    }
    caseFiles.urls.push(url);
    return url;
  }

  function thumbnailOf(file, no, code) {
    var gen = caseFiles.gen;
    if (!caseFiles.thumbs[file.id]) {
      caseFiles.thumbs[file.id] = fetchFile(filePath(no, file.id) + '/thumbnail', code).then(function (blob) {
        var url = keptUrl(blob, gen);
        if (!url) throw new Error('released');
        return url;
      });
      // A failed thumbnail is fetched again the next time the case is shown.
      caseFiles.thumbs[file.id].catch(function () {
        if (gen === caseFiles.gen) delete caseFiles.thumbs[file.id];
      });
    }
    return caseFiles.thumbs[file.id];
  }

  function renderFiles(view) {
    if (!current) return;
    var no = current.no;
    var code = current.code;
    var key = no + '\n' + code;
    if (caseFiles.key !== key) releaseCaseFiles();
    caseFiles.key = key;
    var files = (Array.isArray(view.files) ? view.files : []).filter(function (file) { return file && file.id; });
    var groups = $('c-files-groups');
    groups.textContent = '';
    var purposes = FILE_GROUPS.slice();
    files.forEach(function (file) {
      var known = purposes.some(function (g) { return g[0] === file.purpose; });
      if (!known) purposes.push([file.purpose, file.purposeName || '其他附件']);
    });
    purposes.forEach(function (g) {
      var list = files.filter(function (file) { return file.purpose === g[0]; });
      if (!list.length) return;
      var section = make('section', 'file-group');
      section.dataset.purpose = g[0];
      section.appendChild(make('h4', 'file-group-title', g[1] + '（' + list.length + '）'));
      var ul = make('ul', 'photo-grid');
      list.forEach(function (file, i) {
        ul.appendChild(fileItem(file, g[1] + ' ' + (i + 1), no, code));
      });
      section.appendChild(ul);
      groups.appendChild(section);
    });
    $('c-files').hidden = !groups.children.length;
  }

  function fileItem(file, label, no, code) {
    var li = make('li', 'photo-item');
    li.dataset.fileId = file.id;
    if (!file.preview) {
      // HEIC and the like: kept for the staff, who see the original.
      li.classList.add('staff-only');
      li.appendChild(photoTile(label, '仅工作人员可见'));
      return li;
    }
    var isPdf = file.mediaType === 'application/pdf';
    if (!file.thumbnail && isPdf) {
      var pdf = make('button', 'photo-tile file-download');
      pdf.type = 'button';
      pdf.appendChild(make('b', null, 'PDF'));
      var note = make('span', 'photo-tile-note', '点此下载');
      pdf.appendChild(note);
      pdf.setAttribute('aria-label', '下载' + label + '（PDF' + (file.size ? '，' + formatSize(file.size) : '') + '）');
      pdf.addEventListener('click', function () { downloadFile(file, label, no, code, pdf, note); });
      li.appendChild(pdf);
      return li;
    }
    var open = make('button', 'thumb-btn');
    open.type = 'button';
    open.setAttribute('aria-label', '查看' + label + '大图');
    if (file.thumbnail) {
      var img = make('img', 'photo-thumb');
      img.alt = label;
      open.appendChild(img);
      thumbnailOf(file, no, code).then(function (url) { img.src = url; }, function (err) {
        if (err && err.message === 'released') return;
        if (img.parentNode) open.replaceChild(photoTile(label, '缩略图加载失败，点此查看'), img);
      });
    } else {
      open.appendChild(photoTile(label, '点此查看'));
    }
    open.addEventListener('click', function () { openPhoto(file, label, no, code, open); });
    li.appendChild(open);
    return li;
  }

  function downloadFile(file, label, no, code, button, note) {
    if (button.getAttribute('aria-busy') === 'true') return;
    var gen = caseFiles.gen;
    button.setAttribute('aria-busy', 'true');
    text(note, '正在下载…');
    fetchFile(filePath(no, file.id), code).then(function (blob) {
      var url = keptUrl(blob, gen);
      if (!url) return;
      var a = document.createElement('a');
      a.href = url;
      a.download = no + '-' + label.replace(/\s+/g, '') + '.pdf';
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      text(note, '点此下载');
    }, function () {
      text(note, '下载失败，点此重试');
    }).then(function () {
      button.setAttribute('aria-busy', 'false');
    });
  }

  // The viewer of one full photo: an overlay with 关闭 (also Esc, or a tap beside the photo).
  var lightbox = $('lightbox');
  var lightboxImg = $('lightbox-img');
  var lightboxStatus = $('lightbox-status');
  var viewer = { seq: 0, url: null, opener: null };

  function openPhoto(file, label, no, code, opener) {
    closePhoto();
    var seq = ++viewer.seq;
    viewer.opener = opener;
    text($('lightbox-title'), label);
    lightboxImg.alt = label;
    lightboxImg.hidden = true;
    text(lightboxStatus, '正在加载照片…');
    lightboxStatus.hidden = false;
    lightbox.hidden = false;
    document.body.classList.add('lightbox-open');
    $('lightbox-close').focus();
    fetchFile(filePath(no, file.id), code).then(function (blob) {
      if (seq !== viewer.seq) return;
      viewer.url = URL.createObjectURL(blob);
      lightboxImg.src = viewer.url;
      lightboxImg.hidden = false;
      lightboxStatus.hidden = true;
    }, function () {
      if (seq === viewer.seq) text(lightboxStatus, '照片加载失败，请关闭后重试。');
    });
  }

  function closePhoto() {
    viewer.seq++;
    if (viewer.url) {
      URL.revokeObjectURL(viewer.url);
      viewer.url = null;
    }
    lightboxImg.removeAttribute('src');
    lightboxImg.hidden = true;
    if (lightbox.hidden) return;
    lightbox.hidden = true;
    document.body.classList.remove('lightbox-open');
    var opener = viewer.opener;
    viewer.opener = null;
    if (opener && document.body.contains(opener)) {
      try { opener.focus({ preventScroll: true }); } catch (e) { opener.focus(); }
    }
  }

  lightboxImg.addEventListener('error', function () {
    if (lightboxImg.getAttribute('src')) {
      lightboxImg.hidden = true;
      text(lightboxStatus, '此文件无法在网页中显示。');
      lightboxStatus.hidden = false;
    }
  });
  $('lightbox-close').addEventListener('click', closePhoto);
  lightbox.addEventListener('click', function (e) {
    if (e.target === lightbox || e.target.classList.contains('lightbox-body')) closePhoto();
  });
  document.addEventListener('keydown', function (e) {
    if (lightbox.hidden) return;
    if (e.key === 'Escape' || e.key === 'Esc') {
      e.preventDefault();
      closePhoto();
    } else if (e.key === 'Tab') {
      e.preventDefault(); // 关闭 is the viewer's only control: the focus stays on it
      $('lightbox-close').focus();
    }
  });

  $('c-refresh').addEventListener('click', function () {
    if (current) lookUp(current.no, current.code);
  });

  // ---------- rating ----------
  var rateForm = $('rate-form');
  var rateBtn = $('rate-btn');

  /** Mirrors :checked on the label for browsers without :has(). */
  function markRating() {
    Array.prototype.forEach.call(rateForm.querySelectorAll('.rate-item'), function (label) {
      label.classList.toggle('checked', label.querySelector('input').checked);
    });
  }

  rateForm.addEventListener('change', function () {
    markRating();
    fieldError('rating', '');
  });
  $('rate-comment').addEventListener('input', function () {
    updateCounter(this, $('n-comment'), 500);
  });

  rateForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!current || rateBtn.disabled) return;
    clearErrors(rateForm);
    var choice = rateForm.querySelector('input[name=rating]:checked');
    if (!choice) {
      fieldError('rating', '请选择满意、基本满意或不满意');
      return;
    }
    var comment = $('rate-comment').value.trim();
    var body = { trackingCode: current.code, rating: choice.value };
    if (comment) body.comment = comment;
    var target = current;
    setBusy(rateBtn, true, '正在提交…');
    request('POST', 'cases/' + encodeURIComponent(target.no) + '/rating', { body: JSON.stringify(body) })
      .then(function (res) {
        if (res.status === 204 || res.status === 200) {
          showBanner(choice.value === 'unsatisfied'
            ? '感谢您的反馈。事件已退回重新办理，请留意办理进度。'
            : '感谢您的评价！', 'info');
          return refreshUntilRated(target);
        }
        if (res.status === 409) {
          // Refresh first: when the case no longer awaits a rating the rating form is hidden, so the
          // message must go where the resident still sees it.
          return lookUp(target.no, target.code, { quiet: true }).then(function (view) {
            var message = '该事件当前不能评价：可能已经评价过，或已超过评价期限。页面已刷新为最新状态。';
            if (view && view.awaitingRating) showFormError($('rate-error'), message);
            else showBanner(message);
            return view;
          });
        }
        if (res.status === 404) {
          showFormError($('rate-error'), '事件编号或查询码不正确，无法评价。');
          return null;
        }
        if (res.status === 400) {
          showProblem(res.problem, { rating: 'rating', comment: 'comment' }, $('rate-error'), rateForm);
          return null;
        }
        showFormError($('rate-error'), '评价提交失败：' + problemMessage(res.problem));
        return null;
      }, function (err) {
        if (!err.network) throw err;
        // The rating may or may not have arrived; a resend is refused (409) rather than counted twice.
        showFormError($('rate-error'), '网络连接失败，请检查网络后重试。');
        return null;
      })
      .then(function () { setBusy(rateBtn, false); });
  });

  /** The process closes or reopens the case right after a rating; show the new state. */
  function refreshUntilRated(target) {
    var tries = 0;
    var step = function () {
      return lookUp(target.no, target.code, { quiet: true }).then(function (view) {
        tries++;
        if (view && view.awaitingRating && tries < 6) {
          return new Promise(function (r) { setTimeout(r, 700); }).then(step);
        }
        return view;
      });
    };
    return step();
  }

  // ================================================================================================
  // 联户长推选: the open posts (GET /api/head-posts), a resident's nomination while a post is 推选中,
  // an objection during its 公示, and the answer to an objection by its code. Each card's forms are
  // cloned from <template>s with the card's own ids, so field errors land next to the card's fields.

  var OBJECTIONS_KEY = 'lianhu.heads.objections';
  var HEAD_PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/; // as the server checks it
  var postList = $('post-list');
  var headsStatus = $('heads-status');
  var headsError = $('heads-error');
  var communitySelect = $('h-community');
  var communities = {}; // code → name, of every list loaded so far: the filter's options
  var heads = { community: null, loadedAt: 0, seq: 0, posts: [] };

  /** Copies a <template>, putting `prefix` in place of "__" in its ids, labels and radio names. */
  function fromTemplate(id, prefix) {
    var node = $(id).content.firstElementChild.cloneNode(true);
    var all = [node].concat(Array.prototype.slice.call(node.querySelectorAll('*')));
    all.forEach(function (el) {
      ['id', 'for', 'name', 'aria-describedby', 'data-field'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v && v.indexOf('__') >= 0) el.setAttribute(attr, v.split('__').join(prefix));
      });
    });
    return node;
  }

  function fieldOf(form, prefix, name) {
    return form.querySelector('#' + prefix + '-' + name);
  }

  /** The server names a field either in `errors` (as the case API does) or in `field`. */
  function withFieldErrors(problem) {
    if (problem && !problem.errors && problem.field && problem.detail) {
      var errors = {};
      errors[problem.field] = problem.detail;
      return Object.assign({}, problem, { errors: errors });
    }
    return problem;
  }

  function prefixed(prefix, names) {
    var map = {};
    names.forEach(function (n) { map[n] = prefix + '-' + n; });
    return map;
  }

  function failureText(err) {
    return (err && err.message === 'timeout' ? '服务器响应超时' : '网络连接失败') + '，请检查网络后重试。';
  }

  function routeCommunity() {
    var hash = location.hash.replace(/^#/, '');
    var q = hash.indexOf('?');
    var c = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '').get('community');
    return c ? c.trim() : '';
  }

  function fillCommunities(selected) {
    var codes = Object.keys(communities);
    if (selected && codes.indexOf(selected) < 0) codes.push(selected);
    codes.sort(function (a, b) { return (communities[a] || a).localeCompare(communities[b] || b, 'zh-CN'); });
    communitySelect.textContent = '';
    var all = make('option', null, '全部社区');
    all.value = '';
    communitySelect.appendChild(all);
    codes.forEach(function (code) {
      var o = make('option', null, communities[code] || code);
      o.value = code;
      communitySelect.appendChild(o);
    });
    communitySelect.value = selected || '';
  }

  communitySelect.addEventListener('change', function () {
    var code = communitySelect.value;
    location.hash = code ? '#/heads?community=' + encodeURIComponent(code) : '#/heads';
  });

  $('heads-refresh').addEventListener('click', function () { loadPosts({ force: true }); });
  $('heads-to-lookup').addEventListener('click', function () {
    $('olook-form').scrollIntoView({ block: 'start', behavior: 'smooth' });
    try { $('olook-code').focus({ preventScroll: true }); } catch (e) { $('olook-code').focus(); }
  });

  /** Shows the open posts of the route's community; a fresh list only when it is older than a minute. */
  function showHeads() {
    var community = routeCommunity();
    fillCommunities(community);
    if (community === heads.community && Date.now() - heads.loadedAt < 60000) return;
    loadPosts({ force: true });
  }

  function loadPosts(opts) {
    opts = opts || {};
    var community = routeCommunity();
    var seq = ++heads.seq;
    var button = $('heads-refresh');
    setBusy(button, true, '正在加载…');
    showFormError(headsError, '');
    text(headsStatus, '正在加载…');
    var path = 'head-posts' + (community ? '?community=' + encodeURIComponent(community) : '');
    return request('GET', path).then(function (res) {
      if (seq !== heads.seq) return;
      if (res.status !== 200 || !Array.isArray(res.json)) {
        text(headsStatus, '');
        showFormError(headsError, '推选信息加载失败：' + problemMessage(res.problem));
        return;
      }
      heads.community = community;
      heads.loadedAt = Date.now();
      heads.posts = res.json;
      res.json.forEach(function (p) { if (p.communityCode) communities[p.communityCode] = p.communityName || p.communityCode; });
      fillCommunities(community);
      renderPosts(res.json, community, opts.notes || {});
    }, function (err) {
      if (seq !== heads.seq) return;
      if (!err.network) throw err;
      text(headsStatus, '');
      showFormError(headsError, '推选信息加载失败：' + failureText(err));
    }).then(function () {
      if (seq === heads.seq) setBusy(button, false);
    });
  }

  function renderPosts(list, community, notes) {
    postList.textContent = '';
    var name = community ? (communities[community] || '社区 ' + community + ' ') : '';
    if (!list.length) {
      text(headsStatus, '');
      var empty = make('div', 'card empty');
      empty.appendChild(make('p', null, (name ? name + '目前' : '目前') + '没有推选中或公示中的联户长岗位。'));
      postList.appendChild(empty);
      return;
    }
    var open = list.filter(function (p) { return p.nominating; }).length;
    text(headsStatus, (name ? name + '：' : '') + '共 ' + list.length + ' 个空缺岗位'
      + (open ? '，其中 ' + open + ' 个正在接受推荐' : '') + '。');
    list.forEach(function (p) { postList.appendChild(renderPost(p, notes[p.id])); });
  }

  /** One post's card; `note` (optional) is a message shown at its top, such as why a form was refused. */
  function renderPost(p, note) {
    var card = make('article', 'card post');
    card.dataset.postId = String(p.id);
    card.dataset.unit = p.unitCode || '';
    card.setAttribute('aria-labelledby', 'post-' + p.id + '-title');

    var head = make('header', 'post-head');
    var titles = make('div');
    var h = make('h3', 'post-unit', p.unitName || p.unitCode);
    h.id = 'post-' + p.id + '-title';
    titles.appendChild(h);
    titles.appendChild(make('p', 'post-place', [p.streetName, p.communityName].filter(Boolean).join(' · ')));
    head.appendChild(titles);
    head.appendChild(make('span', 'status p-' + String(p.status || '').replace(/[^a-z_]/g, ''), p.statusLabel || p.status));
    card.appendChild(head);

    if (note) card.appendChild(make('p', 'post-note', note));

    if (p.status === 'notice' || p.status === 'appointing') {
      var chosen = make('p', 'chosen');
      chosen.appendChild(document.createTextNode('拟任联户长：'));
      chosen.appendChild(make('b', 'chosen-name', p.chosenName || '（未公布）'));
      if (p.noticeEndsAt) {
        chosen.appendChild(document.createTextNode('，公示至 '));
        chosen.appendChild(make('span', 'nowrap', p.noticeEndsAt));
      }
      card.appendChild(chosen);
      card.appendChild(make('p', 'hint', p.status === 'notice'
        ? '公示期间，居民对拟任人选有异议的，可以向社区提出；社区核实后答复。'
        : '公示期已满，等待街道聘任。'));
    } else if (p.nominating) {
      card.appendChild(make('p', 'hint', '本岗位正在接受推荐：本单元住户可以推荐合适的人选，也可以自荐。'));
    }

    if (p.nominating) addNominate(card, p);
    if (p.status === 'notice') addObjection(card, p);

    var tl = document.createElement('details');
    tl.className = 'post-tl';
    var steps = p.timeline || [];
    tl.appendChild(make('summary', null, '推选过程（' + steps.length + '）'));
    var ol = make('ol', 'timeline');
    steps.forEach(function (step) {
      var li = document.createElement('li');
      li.appendChild(make('div', 'tl-time', step.at));
      li.appendChild(make('div', 'tl-action', step.action));
      if (step.remark) li.appendChild(make('p', 'tl-remark', step.remark));
      ol.appendChild(li);
    });
    if (!steps.length) ol.appendChild(make('li', null, '暂无记录'));
    tl.appendChild(ol);
    card.appendChild(tl);
    return card;
  }

  /** A button that opens (and closes) a card's form. */
  function toggler(label, panel) {
    var button = make('button', 'btn btn-primary btn-block post-action', label);
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    if (!panel.id) panel.id = 'panel-' + Math.random().toString(36).slice(2);
    button.setAttribute('aria-controls', panel.id);
    panel.hidden = true;
    button.addEventListener('click', function () {
      var opening = panel.hidden;
      panel.hidden = !opening;
      button.setAttribute('aria-expanded', opening ? 'true' : 'false');
      if (opening) {
        var first = panel.querySelector('input:not([type=radio]), textarea');
        if (first) { try { first.focus({ preventScroll: true }); } catch (e) { first.focus(); } }
        panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
      }
    });
    return button;
  }

  function wireField(form, onInput) {
    form.addEventListener('input', function (e) {
      if (onInput) onInput(e);
      var field = e.target.closest('.field');
      if (field && field.classList.contains('invalid')) {
        var err = field.querySelector('.error');
        if (err) fieldError(err.id.slice(2), '');
      }
    });
  }

  /** After a refusal that says the post moved on: reload the list, with the message on the card. */
  function postMoved(p, message) {
    var notes = {};
    notes[p.id] = message + ' 页面已刷新为最新状态。';
    return loadPosts({ force: true, notes: notes });
  }

  // ---------- nomination ----------
  var NOMINATION_FIELDS = ['nomination', 'name', 'phone', 'address', 'profile', 'householdCode', 'householdPhoneLast4'];

  function addNominate(card, p) {
    var prefix = 'n' + p.id;
    var box = make('div', 'post-panel');
    var form = fromTemplate('tpl-nominate', prefix);
    var done = make('div', 'done');
    done.hidden = true;
    box.appendChild(form);
    box.appendChild(done);
    var opener = toggler('推荐联户长', box);
    card.appendChild(opener);
    card.appendChild(box);

    var f = {};
    ['householdCode', 'householdPhoneLast4', 'name', 'phone', 'address', 'profile', 'error']
      .forEach(function (n) { f[n] = fieldOf(form, prefix, n); });
    var counter = form.querySelector('#n-' + prefix + '-profile');
    var submit = form.querySelector('button[type=submit]');

    function mode() {
      var checked = form.querySelector('input[name="' + prefix + '-nomination"]:checked');
      return checked ? checked.value : 'households';
    }
    function showMode() {
      var m = mode();
      form.querySelector('.household-box').hidden = m !== 'households';
      Array.prototype.forEach.call(form.querySelectorAll('.mode-households'), function (el) { el.hidden = m !== 'households'; });
      Array.prototype.forEach.call(form.querySelectorAll('.mode-self'), function (el) { el.hidden = m !== 'self'; });
    }
    form.addEventListener('change', function (e) {
      if (e.target.type === 'radio') { showMode(); clearErrors(form); }
    });
    wireField(form, function (e) {
      if (e.target === f.profile) updateCounter(f.profile, counter, 500);
      if (e.target === f.householdPhoneLast4) f.householdPhoneLast4.value = f.householdPhoneLast4.value.replace(/[^0-9]/g, '');
    });
    showMode();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (submit.disabled) return;
      clearErrors(form);
      var m = mode();
      var body = {
        nomination: m,
        name: f.name.value.trim(),
        phone: f.phone.value.replace(/\s+/g, ''),
        address: f.address.value.trim() || undefined,
        profile: f.profile.value.trim() || undefined
      };
      if (m === 'households') {
        body.householdCode = f.householdCode.value.trim();
        body.householdPhoneLast4 = f.householdPhoneLast4.value.trim();
      }
      var errors = {};
      if (m === 'households') {
        if (!body.householdCode) errors.householdCode = '请填写住户编号（见联户卡）';
        if (!/^[0-9]{4}$/.test(body.householdPhoneLast4)) errors.householdPhoneLast4 = '请填写户主电话的后四位数字';
      }
      if (!body.name) errors.name = m === 'self' ? '请填写您的姓名' : '请填写被推荐人的姓名';
      if (!body.phone) errors.phone = '请填写联系电话，方便社区考察时联系';
      else if (!HEAD_PHONE.test(body.phone)) errors.phone = '请填写11位手机号或带区号的固定电话';
      if (body.profile && body.profile.length > 500) errors.profile = '不能超过 500 字';
      var names = Object.keys(errors);
      if (names.length) {
        names.forEach(function (n) { fieldError(prefix + '-' + n, errors[n]); });
        showFormError(f.error, '请修改上面标红的 ' + names.length + ' 处内容后再提交。');
        focusFirstInvalid(form);
        return;
      }
      setBusy(submit, true, '正在提交…');
      request('POST', 'head-posts/' + encodeURIComponent(p.id) + '/nominations', { body: JSON.stringify(body) })
        .then(function (res) {
          var type = problemType(res.problem);
          if (res.status === 201 || res.status === 200) {
            showNominated(res.json || {});
          } else if (res.status === 422 && type === 'household-not-verified') {
            fieldError(prefix + '-householdCode', '请核对住户编号');
            fieldError(prefix + '-householdPhoneLast4', '请核对户主电话后四位');
            showFormError(f.error, problemMessage(res.problem) + '。住户编号见联户卡，如有疑问请咨询联户长或社区。');
            focusFirstInvalid(form);
          } else if (res.status === 409 && type === 'post-not-open') {
            return postMoved(p, problemMessage(res.problem) + '。');
          } else if (res.status === 404) {
            return postMoved(p, '该岗位已不在推选中。');
          } else if (res.status === 400) {
            showProblem(withFieldErrors(res.problem), prefixed(prefix, NOMINATION_FIELDS), f.error, form);
          } else if (res.status >= 500) {
            showFormError(f.error, '服务器暂时出错（' + res.status + '），请稍后再试。');
          } else {
            showFormError(f.error, problemMessage(res.problem));
          }
        }, function (err) {
          if (!err.network) throw err;
          showFormError(f.error, failureText(err));
        })
        .then(function () { setBusy(submit, false); });
    });

    function showNominated(answer) {
      done.textContent = '';
      done.className = 'done';
      done.setAttribute('tabindex', '-1');
      done.appendChild(make('p', 'done-title', answer.message || '推荐已收到'));
      if (answer.candidateName) {
        var who = make('p');
        who.appendChild(document.createTextNode('候选人：'));
        who.appendChild(make('b', null, answer.candidateName));
        done.appendChild(who);
      }
      done.appendChild(make('p', 'hint', '社区将组织考察；确定拟任人选后会在本页公示。'));
      var again = make('button', 'btn btn-link', '再推荐一位');
      again.type = 'button';
      again.addEventListener('click', function () {
        form.reset();
        clearErrors(form);
        showMode();
        updateCounter(f.profile, counter, 500);
        done.hidden = true;
        form.hidden = false;
        opener.hidden = false;
        f.name.focus();
      });
      done.appendChild(again);
      form.hidden = true;
      opener.hidden = true;
      done.hidden = false;
      done.focus();
    }
  }

  // ---------- objection ----------
  function addObjection(card, p) {
    var prefix = 'o' + p.id;
    var box = make('div', 'post-panel');
    var form = fromTemplate('tpl-object', prefix);
    var done = make('div', 'done receipt-mini');
    done.hidden = true;
    box.appendChild(form);
    box.appendChild(done);
    var opener = toggler('提出异议', box);
    opener.className = 'btn btn-secondary btn-block post-action';
    card.appendChild(opener);
    card.appendChild(box);

    var f = {};
    ['text', 'contactName', 'contactPhone', 'error'].forEach(function (n) { f[n] = fieldOf(form, prefix, n); });
    var counter = form.querySelector('#n-' + prefix + '-text');
    var submit = form.querySelector('button[type=submit]');
    wireField(form, function (e) {
      if (e.target === f.text) updateCounter(f.text, counter, 2000);
    });

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (submit.disabled) return;
      clearErrors(form);
      var body = {
        text: f.text.value.trim(),
        contactName: f.contactName.value.trim() || undefined,
        contactPhone: f.contactPhone.value.replace(/\s+/g, '') || undefined
      };
      var errors = {};
      if (!body.text) errors.text = '请写明异议的内容';
      else if (body.text.length < 5) errors.text = '请写明具体事实，至少 5 个字';
      else if (body.text.length > 2000) errors.text = '不能超过 2000 字';
      if (body.contactPhone && !HEAD_PHONE.test(body.contactPhone)) errors.contactPhone = '请填写11位手机号或带区号的固定电话，或者不填';
      var names = Object.keys(errors);
      if (names.length) {
        names.forEach(function (n) { fieldError(prefix + '-' + n, errors[n]); });
        showFormError(f.error, '请修改上面标红的 ' + names.length + ' 处内容后再提交。');
        focusFirstInvalid(form);
        return;
      }
      setBusy(submit, true, '正在提交…');
      request('POST', 'head-posts/' + encodeURIComponent(p.id) + '/objections', { body: JSON.stringify(body) })
        .then(function (res) {
          if ((res.status === 201 || res.status === 200) && res.json && res.json.code) {
            rememberObjection(res.json.code, p.unitName);
            showFiled(res.json);
          } else if (res.status === 409 && problemType(res.problem) === 'notice-closed') {
            return postMoved(p, problemMessage(res.problem) + '。');
          } else if (res.status === 404) {
            return postMoved(p, '该岗位已不在公示中。');
          } else if (res.status === 400) {
            showProblem(withFieldErrors(res.problem), prefixed(prefix, ['text', 'contactName', 'contactPhone']), f.error, form);
          } else if (res.status >= 500) {
            showFormError(f.error, '服务器暂时出错（' + res.status + '），请稍后再试。');
          } else {
            showFormError(f.error, problemMessage(res.problem));
          }
        }, function (err) {
          if (!err.network) throw err;
          showFormError(f.error, failureText(err) + '如不确定是否已提交，可稍后再提一次。');
        })
        .then(function () { setBusy(submit, false); });
    });

    function showFiled(answer) {
      done.textContent = '';
      done.setAttribute('tabindex', '-1');
      done.appendChild(make('p', 'done-title', answer.message || '异议已收到'));
      var boxed = make('div', 'code-box');
      boxed.appendChild(make('p', 'code-label', '查询码'));
      var code = make('p', 'code obj-code', answer.code);
      boxed.appendChild(code);
      done.appendChild(boxed);
      done.appendChild(make('p', 'writedown', '请抄写或截图保存查询码。凭查询码可在本页下方“查询异议答复”查看社区的答复。'));
      var look = make('button', 'btn btn-primary', '查看答复');
      look.type = 'button';
      look.addEventListener('click', function () {
        $('olook-code').value = answer.code;
        lookUpObjection(answer.code, { scroll: true });
      });
      var another = make('button', 'btn btn-link', '再提出一条异议');
      another.type = 'button';
      another.addEventListener('click', function () {
        form.reset();
        clearErrors(form);
        updateCounter(f.text, counter, 2000);
        done.hidden = true;
        form.hidden = false;
        opener.hidden = false;
        f.text.focus();
      });
      var actions = make('div', 'actions');
      actions.appendChild(look);
      actions.appendChild(another);
      done.appendChild(actions);
      form.hidden = true;
      opener.hidden = true;
      done.hidden = false;
      done.focus();
    }
  }

  // ---------- 查询异议答复 ----------
  var olookForm = $('olook-form');
  var olookBtn = $('olook-btn');
  var olookSeq = 0;

  function recentObjections() {
    var list = storageGet(localStorage, OBJECTIONS_KEY);
    return Array.isArray(list) ? list : [];
  }

  function rememberObjection(code, unitName) {
    var list = recentObjections().filter(function (o) { return o.code !== code; });
    list.unshift({ code: code, unit: unitName || '', at: new Date().toISOString() });
    storageSet(localStorage, OBJECTIONS_KEY, list.slice(0, 10));
    renderRecentObjections();
  }

  function renderRecentObjections() {
    var list = recentObjections();
    var ul = $('orecent-list');
    ul.textContent = '';
    $('orecent').hidden = list.length === 0;
    list.forEach(function (o) {
      var li = document.createElement('li');
      var b = make('button', 'btn btn-secondary');
      b.type = 'button';
      b.appendChild(make('span', 'mono', o.code));
      b.appendChild(make('span', null, (o.unit ? o.unit + ' · ' : '') + formatTime(o.at).slice(0, 10)));
      b.addEventListener('click', function () {
        $('olook-code').value = o.code;
        lookUpObjection(o.code, { scroll: true });
      });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  olookForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var code = normaliseCode($('olook-code').value);
    clearErrors(olookForm);
    if (!code) {
      fieldError('olook-code', '请输入提出异议时得到的查询码');
      focusFirstInvalid(olookForm);
      return;
    }
    lookUpObjection(code);
  });
  wireField(olookForm);

  function lookUpObjection(code, opts) {
    opts = opts || {};
    var seq = ++olookSeq;
    var result = $('olook-result');
    clearErrors(olookForm);
    setBusy(olookBtn, true, '正在查询…');
    return request('GET', 'head-objections/' + encodeURIComponent(code)).then(function (res) {
      if (seq !== olookSeq) return;
      if (res.status === 200 && res.json) {
        renderObjectionAnswer(code, res.json);
        if (opts.scroll) result.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return;
      }
      result.hidden = true;
      if (res.status === 404) showFormError($('olook-error'), '查询码不正确，请核对后重试。');
      else showFormError($('olook-error'), '查询失败：' + problemMessage(res.problem));
      if (opts.scroll) olookForm.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }, function (err) {
      if (seq !== olookSeq) return;
      if (!err.network) throw err;
      result.hidden = true;
      showFormError($('olook-error'), failureText(err));
    }).then(function () {
      if (seq === olookSeq) setBusy(olookBtn, false);
    });
  }

  function renderObjectionAnswer(code, a) {
    text($('olook-shown'), code);
    var state = $('olook-state');
    text(state, a.answered ? '已答复' : '待答复');
    state.className = 'status ' + (a.answered ? 'o-answered' : 'o-waiting');
    text($('olook-filed'), a.filedAt);
    var verdict = a.upheld === true ? '异议成立：拟任人选不予聘任，岗位重新推选'
      : a.upheld === false ? '异议不成立' : '';
    text($('olook-verdict'), verdict);
    $('olook-verdict').className = a.upheld === true ? 'upheld' : a.upheld === false ? 'dismissed' : '';
    $('olook-verdict-row').hidden = !a.answered || !verdict;
    text($('olook-answer'), a.answer);
    $('olook-answer-row').hidden = !a.answered || !a.answer;
    $('olook-wait').hidden = !!a.answered;
    $('olook-result').hidden = false;
  }

  // ================================================================================================
  // 评议联户长 (群众评议): a household verifies itself with its 住户编号 and the last four digits of the
  // household head's phone (GET /api/head-ratings/open answers whose quarterly evaluation it may rate),
  // then gives 1-5 stars and an optional comment (POST /api/head-ratings), once per quarter.

  var STAR_LABELS = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };
  var hrVerify = $('hr-verify');
  var hrForm = $('hr-form');
  var hrResult = $('hr-result');
  var hrCode = $('hr-code');
  var hrLast4 = $('hr-last4');
  var hrComment = $('hr-comment');
  var hrCounter = $('n-hr-comment');
  var hrVerifyBtn = $('hr-verify-btn');
  var hrSubmit = $('hr-submit');
  var hrVerifyError = $('hr-verify-error');
  var hrVerifyNote = $('hr-verify-note');
  var hrError = $('hr-error');
  var hr = { household: null, last4: null, open: null, seq: 0 }; // the verified household and its evaluation

  /** A field error on the star choice also marks the radio group itself (fieldError skips radios). */
  function starsError(message) {
    fieldError('hr-stars', message);
    var group = $('hr-stars');
    if (message) {
      group.setAttribute('aria-invalid', 'true');
      group.setAttribute('aria-errormessage', 'e-hr-stars');
    } else {
      group.removeAttribute('aria-invalid');
      group.removeAttribute('aria-errormessage');
    }
  }

  function chosenStars() {
    var checked = hrForm.querySelector('input[name="hr-stars"]:checked');
    return checked ? Number(checked.value) : null;
  }

  /** Mirrors :checked on the labels for browsers without :has(). */
  function markStars() {
    Array.prototype.forEach.call(hrForm.querySelectorAll('.star-item'), function (label) {
      label.classList.toggle('checked', label.querySelector('input').checked);
    });
  }

  /** "429: too many wrong tries" in the residents' words, with the minutes the server names. */
  function tooManyTries(problem) {
    var m = /(\d+)\s*分钟/.exec(problem && problem.detail ? String(problem.detail) : '');
    return '核验错误次数过多，请' + (m ? '于 ' + m[1] + ' 分钟后' : '稍后') + '再试。如忘记住户编号，请咨询联户长或社区。';
  }

  function showNote(message) {
    text(hrVerifyNote, message);
    hrVerifyNote.hidden = !message;
  }

  /** Back to step 1 (the household's fields kept), with `note` (friendly) or `error` (a refusal) shown. */
  function toVerify(opts) {
    opts = opts || {};
    hr.open = null;
    hrForm.hidden = true;
    hrResult.hidden = true;
    hrVerify.hidden = false;
    showNote(opts.note || '');
    showFormError(hrVerifyError, opts.error || '');
    if (opts.focus !== false) {
      hrVerify.scrollIntoView({ block: 'start', behavior: 'smooth' });
      try { hrCode.focus({ preventScroll: true }); } catch (e) { hrCode.focus(); }
    }
  }

  function noOpenEvaluation(problem) {
    return (problem && problem.detail ? problem.detail + '。' : '本单元联户长当前没有进行中的季度评议。')
      + '季度考核开始后开放评议，请留意联户长或社区的通知。';
  }

  function householdNotVerified(problem) {
    fieldError('hr-code', '请核对住户编号');
    fieldError('hr-last4', '请核对户主电话后四位');
    showFormError(hrVerifyError, problemMessage(problem) + '。住户编号见联户卡，如有疑问请咨询联户长或社区。');
    focusFirstInvalid(hrVerify);
  }

  wireField(hrVerify, function (e) {
    if (e.target === hrLast4) hrLast4.value = hrLast4.value.replace(/[^0-9]/g, '');
    showNote('');
  });
  hrVerify.addEventListener('input', function () { // after wireField's listener has cleared the field's error
    if (!hrVerify.querySelector('.field.invalid')) showFormError(hrVerifyError, '');
  });

  hrVerify.addEventListener('submit', function (e) {
    e.preventDefault();
    if (hrVerifyBtn.disabled) return;
    clearErrors(hrVerify);
    showNote('');
    var code = hrCode.value.trim();
    var last4 = hrLast4.value.trim();
    var bad = 0;
    if (!code) { fieldError('hr-code', '请填写住户编号（见联户卡）'); bad++; }
    if (!/^[0-9]{4}$/.test(last4)) { fieldError('hr-last4', '请填写户主电话的后四位数字'); bad++; }
    if (bad) { focusFirstInvalid(hrVerify); return; }
    var seq = ++hr.seq;
    setBusy(hrVerifyBtn, true, '正在核验…');
    request('GET', 'head-ratings/open?household=' + encodeURIComponent(code) + '&last4=' + encodeURIComponent(last4))
      .then(function (res) {
        if (seq !== hr.seq) return;
        var type = problemType(res.problem);
        if (res.status === 200 && res.json) {
          startRating(code, last4, res.json);
        } else if (res.status === 422 && type === 'household-not-verified') {
          householdNotVerified(res.problem);
        } else if (res.status === 409 && type === 'no-open-evaluation') {
          showNote(noOpenEvaluation(res.problem));
        } else if (res.status === 400) {
          showProblem(withFieldErrors(res.problem),
            { householdCode: 'hr-code', household: 'hr-code', householdPhoneLast4: 'hr-last4', last4: 'hr-last4' },
            hrVerifyError, hrVerify);
        } else if (res.status === 429) {
          showFormError(hrVerifyError, tooManyTries(res.problem));
        } else if (res.status >= 500) {
          showFormError(hrVerifyError, '服务器暂时出错（' + res.status + '），请稍后再试。');
        } else {
          showFormError(hrVerifyError, problemMessage(res.problem));
        }
      }, function (err) {
        if (seq !== hr.seq) return;
        if (!err.network) throw err;
        showFormError(hrVerifyError, failureText(err));
      })
      .then(function () { if (seq === hr.seq) setBusy(hrVerifyBtn, false); });
  });

  /** Step 2: the verified household rates `open` ({evaluationId, headName, quarter, closesAt}). */
  function startRating(code, last4, open) {
    hr.household = code;
    hr.last4 = last4;
    hr.open = open;
    var line = $('hr-for');
    line.textContent = '';
    line.appendChild(document.createTextNode('为 '));
    line.appendChild(make('b', 'hr-head', open.headName || '本单元联户长'));
    line.appendChild(document.createTextNode(' 的' + (open.quarter || '本季度') + '工作评议'));
    if (open.closesAt) {
      line.appendChild(document.createTextNode('（截止 '));
      line.appendChild(make('span', 'nowrap', open.closesAt));
      line.appendChild(document.createTextNode('）'));
    }
    text($('hr-who'), code);
    hrForm.reset();
    clearErrors(hrForm);
    starsError('');
    markStars();
    updateCounter(hrComment, hrCounter, 500);
    hrVerify.hidden = true;
    hrResult.hidden = true;
    hrForm.hidden = false;
    hrForm.scrollIntoView({ block: 'start', behavior: 'smooth' });
    var first = hrForm.querySelector('input[name="hr-stars"]');
    try { first.focus({ preventScroll: true }); } catch (e) { first.focus(); }
  }

  hrForm.addEventListener('change', function (e) {
    if (e.target.name === 'hr-stars') {
      markStars();
      starsError('');
      if (!hrForm.querySelector('.field.invalid')) showFormError(hrError, '');
    }
  });
  wireField(hrForm, function (e) {
    if (e.target === hrComment) updateCounter(hrComment, hrCounter, 500);
  });
  hrForm.addEventListener('input', function () {
    if (!hrForm.querySelector('.field.invalid')) showFormError(hrError, '');
  });

  $('hr-change').addEventListener('click', function () {
    toVerify();
  });

  hrForm.addEventListener('submit', function (e) {
    e.preventDefault();
    if (hrSubmit.disabled || !hr.open) return;
    clearErrors(hrForm);
    starsError('');
    var stars = chosenStars();
    var comment = hrComment.value.trim();
    var errors = 0;
    if (!stars) { starsError('请选择 1 到 5 星：很不满意、不满意、一般、满意或非常满意'); errors++; }
    if (comment.length > 500) { fieldError('hr-comment', '意见和建议不能超过 500 字'); errors++; }
    if (errors) {
      showFormError(hrError, '请修改上面标红的 ' + errors + ' 处内容后再提交。');
      focusFirstInvalid(hrForm);
      return;
    }
    var body = { householdCode: hr.household, householdPhoneLast4: hr.last4, stars: stars };
    if (comment) body.comment = comment;
    var seq = ++hr.seq;
    setBusy(hrSubmit, true, '正在提交…');
    request('POST', 'head-ratings', { body: JSON.stringify(body) })
      .then(function (res) {
        if (seq !== hr.seq) return;
        var type = problemType(res.problem);
        if (res.status === 201 || res.status === 200) {
          showRated(res.json || hr.open, stars);
        } else if (res.status === 409 && type === 'already-rated') {
          showAlreadyRated();
        } else if (res.status === 409 && type === 'no-open-evaluation') {
          toVerify({ note: noOpenEvaluation(res.problem) });
        } else if (res.status === 422 && type === 'household-not-verified') {
          toVerify({ focus: false });
          householdNotVerified(res.problem);
        } else if (res.status === 400) {
          var problem = withFieldErrors(res.problem);
          var errs = problem && problem.errors;
          if (errs && (errs.householdCode || errs.householdPhoneLast4)) {
            toVerify({ focus: false });
            showProblem(problem, { householdCode: 'hr-code', householdPhoneLast4: 'hr-last4' }, hrVerifyError, hrVerify);
          } else {
            showProblem(problem, { stars: 'hr-stars', comment: 'hr-comment' }, hrError, hrForm);
            if (errs && errs.stars) starsError(errs.stars);
          }
        } else if (res.status === 429) {
          toVerify({ focus: false, error: tooManyTries(res.problem) });
        } else if (res.status >= 500) {
          showFormError(hrError, '服务器暂时出错（' + res.status + '），请稍后再试。');
        } else {
          showFormError(hrError, '评议提交失败：' + problemMessage(res.problem));
        }
      }, function (err) {
        if (seq !== hr.seq) return;
        if (!err.network) throw err;
        // The rating may or may not have arrived; a resend is refused (409 already-rated), never counted twice.
        showFormError(hrError, failureText(err) + '如不确定是否已提交，可再提交一次，不会重复计入。');
      })
      .then(function () { if (seq === hr.seq) setBusy(hrSubmit, false); });
  });

  function showResult(outcome, title, lines, hint) {
    hrResult.dataset.outcome = outcome;
    hrResult.className = 'card hr-result ' + (outcome === 'rated' ? 'hr-rated' : 'hr-already');
    text($('hr-result-title'), title);
    var p = $('hr-result-text');
    p.textContent = '';
    lines.forEach(function (node) { p.appendChild(typeof node === 'string' ? document.createTextNode(node) : node); });
    text($('hr-result-hint'), hint);
    hrVerify.hidden = true;
    hrForm.hidden = true;
    hrResult.hidden = false;
    window.scrollTo(0, 0);
    try { hrResult.focus({ preventScroll: true }); } catch (e) { hrResult.focus(); }
  }

  function showRated(answer, stars) {
    var shown = make('span', 'stars-shown');
    shown.appendChild(make('span', 'stars', '★★★★★'.slice(0, stars)));
    shown.appendChild(document.createTextNode(' ' + stars + ' 星 · ' + STAR_LABELS[stars]));
    showResult('rated', '感谢您的评议！', [
      '您已为 ', make('b', 'hr-head', answer.headName || (hr.open && hr.open.headName) || '联户长'),
      ' 的' + (answer.quarter || (hr.open && hr.open.quarter) || '本季度') + '工作作出评议：', shown
    ], '评议结果将计入联户长的季度考核（占 40%）。每户每季度评议一次，下个季度可以再次评议。');
    hr.open = null;
  }

  function showAlreadyRated() {
    var open = hr.open || {};
    showResult('already', '本户本季度已评议过', [
      '住户 ', make('b', 'mono', hr.household || ''), ' 已对 ', make('b', 'hr-head', open.headName || '联户长'),
      ' 的' + (open.quarter || '本季度') + '工作作出评议，感谢您的参与。'
    ], '每户每季度只能评议一次，提交后不能修改；下个季度评议开放后可以再次评议。');
    hr.open = null;
  }

  $('hr-again').addEventListener('click', function () {
    hrVerify.reset();
    clearErrors(hrVerify);
    hr.household = null;
    hr.last4 = null;
    toVerify();
  });

  // ================================================================================================
  // routing: #/report (default), #/track?no=…&code=…, #/heads?community=… and #/rate

  function route() {
    var hash = location.hash.replace(/^#/, '');
    var q = hash.indexOf('?');
    var path = q >= 0 ? hash.slice(0, q) : hash;
    var params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
    var view = path === '/track' ? 'track' : path === '/heads' ? 'heads' : path === '/rate' ? 'rate' : 'report';
    var tracking = view === 'track';
    ['report', 'track', 'heads', 'rate'].forEach(function (v) {
      $('view-' + v).hidden = v !== view;
      if (v === view) $('tab-' + v).setAttribute('aria-current', 'page');
      else $('tab-' + v).removeAttribute('aria-current');
    });
    document.title = { report: '我要上报', track: '进度查询', heads: '联户长推选', rate: '评议联户长' }[view] + ' · 联户';
    if (!(banner.dataset.source === 'categories')) showBanner('');
    if (tracking) {
      renderRecent();
      var no = params.get('no');
      var code = params.get('code');
      if (no && code) {
        no = normaliseNo(no);
        code = normaliseCode(code);
        if (!current || current.no !== no || current.code !== code) {
          clearErrors(trackForm);
          lookUp(no, code);
        } else {
          renderFiles(current.view); // back to the case: its photos again
        }
      } else if (no) {
        tNo.value = normaliseNo(no);
        tCode.focus();
      } else if (current && !$('case').hidden) {
        renderFiles(current.view);
      }
    } else {
      releaseCaseFiles(); // the photos of the case are not kept while another view is shown
    }
    if (view === 'heads') {
      renderRecentObjections();
      showHeads();
    }
    window.scrollTo(0, 0);
  }

  window.addEventListener('hashchange', route);

  restoreDraft();
  loadCategories();
  route();
})();
