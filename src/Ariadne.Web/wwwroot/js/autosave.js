// Autosave for long forms typed on a phone in the field. Every change is sent to the server a moment after
// typing stops. When the network or the session is gone, the typing stays on the page (and in this tab's
// sessionStorage, which the browser clears when the tab closes) and is sent again as soon as it can be.
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) { return; }
    var status = document.getElementById("autosave-status");
    var url = form.getAttribute("data-autosave");
    var key = "ariadne:" + form.getAttribute("data-draft-key");
    var timer = null, retry = null, inFlight = false, dirty = false, stale = false, held = null;
    // The form as the server rendered it: after a reload, only the fields typed since are put back, so a colleague's
    // change to another field is not overwritten by this tab's old copy of it (ADR 0008).
    var rendered = null;

    function say(text, kind) {
        status.textContent = text;
        status.setAttribute("data-state", kind);
    }

    function serialise() {
        var pairs = [];
        new FormData(form).forEach(function (value, name) {
            if (name !== "__RequestVerificationToken" && typeof value === "string") { pairs.push([name, value]); }
        });
        return pairs;
    }

    function keepLocally() {
        try { sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), rendered: rendered, pairs: serialise() })); } catch (e) { /* storage full or disabled */ }
    }

    function byName(pairs) {
        var map = {};
        (pairs || []).forEach(function (p) { (map[p[0]] = map[p[0]] || []).push(p[1]); });
        return map;
    }

    function restore() {
        var raw = null;
        try { raw = sessionStorage.getItem(key); } catch (e) { return; }
        if (!raw) { return; }
        var saved = JSON.parse(raw);
        var typed = byName(saved.pairs);
        var before = saved.rendered ? byName(saved.rendered) : null;
        rendered = saved.rendered || rendered;
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.name === "__RequestVerificationToken" || el.type === "hidden" || el.type === "submit") { return; }
            var values = typed[el.name] || [];
            if (before && JSON.stringify(values) === JSON.stringify(before[el.name] || [])) { return; }
            if (el.type === "checkbox" || el.type === "radio") {
                el.checked = values.indexOf(el.value) >= 0;
            } else if (values.length > 0) {
                el.value = values[0];
            }
        });
        say("Unsaved typing from before the reload was restored. Saving…", "pending");
        dirty = true;
        save();
    }

    function schedule() {
        dirty = true;
        keepLocally();
        say("Not saved yet…", "pending");
        clearTimeout(timer);
        timer = setTimeout(save, 800);
    }

    function retryLater(text) {
        say(text, "error");
        clearTimeout(retry);
        retry = setTimeout(save, 15000);
    }

    function save() {
        if (inFlight || !dirty || stale) { return; }
        inFlight = true;
        dirty = false;
        clearTimeout(retry);
        retry = null;
        var body = new FormData(form);
        fetch(url, { method: "POST", body: body, credentials: "same-origin", redirect: "manual", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
                    dirty = true;
                    retryLater("Your session has ended. Your typing is kept on this page: sign in again in a new tab, and it will be saved here automatically.");
                    return;
                }
                if (response.status === 409) {
                    dirty = true;
                    stale = true;
                    keepLocally();
                    return response.json().then(function (result) {
                        say((result.conflict || "Changed by someone else.") + " Nothing more is sent from this page: reload it, and the fields you typed are put back over the new version.", "error");
                    });
                }
                if (!response.ok) {
                    dirty = true;
                    retryLater("Not saved: the server answered " + response.status + ". Your typing is kept on this page; trying again shortly.");
                    return;
                }
                return response.json().then(function (result) {
                    var version = form.elements["__version"];
                    if (version && result.version !== undefined) { version.value = String(result.version); }
                    var problems = Object.keys(result.errors || {}).map(function (k) { return result.errors[k].join(" "); });
                    if (!dirty) { rendered = serialise(); try { sessionStorage.removeItem(key); } catch (e) { /* ignore */ } }
                    say(problems.length ? "Saved " + result.savedAt + ", except: " + problems.join(" ") : "Saved " + result.savedAt, problems.length ? "error" : "saved");
                });
            })
            .catch(function () {
                dirty = true;
                retryLater("No connection. Your typing is kept on this page and will be saved when the connection is back.");
            })
            .then(function () {
                inFlight = false;
                if (held) { var button = held; held = null; form.requestSubmit(button); return; }
                if (dirty && !retry) { clearTimeout(timer); timer = setTimeout(save, 800); }
            });
    }

    // A Save pressed while an autosave is on its way waits for it, so it carries the version that autosave made.
    form.addEventListener("submit", function (event) {
        if (inFlight) {
            event.preventDefault();
            held = event.submitter || null;
        }
    });

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    window.addEventListener("online", function () { if (dirty) { save(); } });
    // Anything still unsent is at least in this tab's storage when the page goes away.
    window.addEventListener("pagehide", function () { if (dirty) { keepLocally(); } });
    rendered = serialise();
    restore();
}());
