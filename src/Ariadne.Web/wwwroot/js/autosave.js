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
    var timer = null, retry = null, inFlight = false, dirty = false;

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
        try { sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), pairs: serialise() })); } catch (e) { /* storage full or disabled */ }
    }

    function restore() {
        var raw = null;
        try { raw = sessionStorage.getItem(key); } catch (e) { return; }
        if (!raw) { return; }
        var saved = JSON.parse(raw);
        var byName = {};
        saved.pairs.forEach(function (p) { (byName[p[0]] = byName[p[0]] || []).push(p[1]); });
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.name === "__RequestVerificationToken" || el.type === "hidden" || el.type === "submit") { return; }
            var values = byName[el.name] || [];
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
        if (inFlight || !dirty) { return; }
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
                if (!response.ok) {
                    dirty = true;
                    retryLater("Not saved: the server answered " + response.status + ". Your typing is kept on this page; trying again shortly.");
                    return;
                }
                return response.json().then(function (result) {
                    var problems = Object.keys(result.errors || {}).map(function (k) { return result.errors[k].join(" "); });
                    if (!dirty) { try { sessionStorage.removeItem(key); } catch (e) { /* ignore */ } }
                    say(problems.length ? "Saved " + result.savedAt + ", except: " + problems.join(" ") : "Saved " + result.savedAt, problems.length ? "error" : "saved");
                });
            })
            .catch(function () {
                dirty = true;
                retryLater("No connection. Your typing is kept on this page and will be saved when the connection is back.");
            })
            .then(function () {
                inFlight = false;
                if (dirty && !retry) { clearTimeout(timer); timer = setTimeout(save, 800); }
            });
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    window.addEventListener("online", function () { if (dirty) { save(); } });
    // Anything still unsent is at least in this tab's storage when the page goes away.
    window.addEventListener("pagehide", function () { if (dirty) { keepLocally(); } });
    restore();
}());
