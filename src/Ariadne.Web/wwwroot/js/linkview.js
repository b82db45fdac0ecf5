// The link view as a graph (issue 12 item 5), drawn with cytoscape (from npm, see Ariadne.Web.csproj) above the plain list,
// which stays the accessible form and what a phone shows first. The first step comes from the page's own data island; each
// expansion asks the page's Step handler, the same service call as the list and the API, so no rule is decided here.
(function () {
    "use strict";
    var section = document.getElementById("graph-section");
    var island = document.getElementById("link-data");
    if (!section || !island || typeof window.cytoscape !== "function") { return; }
    var data = JSON.parse(island.textContent);
    if (!data.view) { return; }

    var panel = document.getElementById("graph-panel");
    var toggle = document.getElementById("graph-toggle");
    var container = document.getElementById("graph");
    var status = document.getElementById("graph-status");
    var message = document.getElementById("graph-message");
    var form = document.getElementById("export-form");
    var cy = null;
    var busy = false;

    var style = [
        { selector: "node", style: {
            "label": "data(label)", "text-wrap": "wrap", "text-max-width": "150px", "font-size": "11px", "color": "#1b1f24",
            "text-valign": "bottom", "text-margin-y": "4px", "width": "22px", "height": "22px", "background-color": "#5b6b7b" } },
        { selector: "node.report", style: { "shape": "round-rectangle", "width": "32px", "background-color": "#0b3d5c" } },
        { selector: "node.identifier", style: { "shape": "ellipse", "background-color": "#2f7d6d" } },
        { selector: "node.restricted", style: {
            "shape": "octagon", "background-color": "#fff7ed", "border-width": "2px", "border-style": "dashed", "border-color": "#9a3412" } },
        { selector: "node.more", style: {
            "shape": "round-rectangle", "background-color": "#e5e7eb", "border-width": "1px", "border-color": "#6b7280" } },
        { selector: "node.start", style: { "border-width": "4px", "border-color": "#d89a00" } },
        { selector: "node.expanded", style: { "border-width": "3px", "border-color": "#d89a00" } },
        { selector: "edge", style: {
            "width": "1.5px", "line-color": "#9ca3af", "curve-style": "bezier", "label": "data(label)", "font-size": "9px",
            "color": "#4b5563", "text-rotation": "autorotate" } },
        { selector: "edge.refer", style: { "line-style": "dashed", "line-color": "#9a3412" } }
    ];

    function say(text) {
        message.textContent = text;
        message.hidden = !text;
    }

    function describe() {
        status.textContent = cy.nodes().length + " nodes in the graph. Select a node to expand it, or \u201cand N more\u201d for the next page.";
    }

    function addNode(id, label, classes, extra) {
        var existing = cy.getElementById(id);
        if (existing.nonempty()) { return existing; }
        var d = { id: id, label: label };
        Object.keys(extra || {}).forEach(function (k) { d[k] = extra[k]; });
        return cy.add({ group: "nodes", data: d, classes: classes });
    }

    function addEdge(from, to, label, classes) {
        var id = from + "\u2192" + to + ":" + label;
        if (cy.getElementById(id).nonempty()) { return; }
        cy.add({ group: "edges", data: { id: id, source: from, target: to, label: label }, classes: classes || "" });
    }

    function linkNode(n) {
        var label = n.type === "report" ? n.label + "\n" + n.originator : n.label;
        return addNode(n.id, label, n.type, { kind: n.type, key: n.id });
    }

    // One answer of the link view, around `start` (a report or identifier node), page `page`.
    function merge(view, page) {
        var startId = view.start.id;
        linkNode(view.start);
        view.nodes.forEach(linkNode);
        view.edges.forEach(function (e) { addEdge(e.from, e.to, e.label); });
        view.restricted.forEach(function (r) {
            // One marker per originator: the originator's contact only, never what it holds or how much.
            var id = "restricted:" + r.originator;
            var contact = [r.originator, r.phone, r.email].filter(function (x) { return x; }).join("\n");
            addNode(id, r.message + "\n" + contact, "restricted");
            addEdge(startId, id, "refer to originator", "refer");
        });
        var moreId = "more:" + startId;
        var more = cy.getElementById(moreId);
        if (view.more > 0) {
            if (more.empty()) {
                more = addNode(moreId, "", "more", { kind: "more", start: view.start.type, key: startId });
                addEdge(startId, moreId, "");
            }
            more.data("label", "and " + view.more + " more");
            more.data("page", page + 1);
        } else if (more.nonempty()) {
            cy.remove(more);
        }
        cy.getElementById(startId).addClass("expanded");
    }

    function layout() {
        cy.layout({ name: "cose", animate: false, randomize: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true }).run();
        describe();
    }

    function stepUrl(kind, key, page) {
        var q = kind === "report" ? "report=" + encodeURIComponent(key) : "entity=" + encodeURIComponent(key);
        return "/Checks/Links?handler=Step&" + q + "&pageNumber=" + page;
    }

    function problemText(response) {
        return response.json().then(function (p) { return p.detail || p.title || "The link view could not be expanded."; },
            function () { return "The link view could not be expanded (" + response.status + "); sign in again if your session ended."; });
    }

    function expand(node) {
        var kind = node.data("kind");
        if (busy || !kind) { return; }
        var page = 1, key = node.data("key"), startKind = kind;
        if (kind === "more") {
            page = node.data("page");
            startKind = node.data("start");
        } else if (node.hasClass("expanded")) {
            return;
        }
        busy = true;
        say("");
        fetch(stepUrl(startKind, key, page), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                var type = response.headers.get("Content-Type") || "";
                if (response.ok && type.indexOf("json") >= 0) {
                    return response.json().then(function (view) { merge(view, page); layout(); });
                }
                return problemText(response).then(say);
            })
            .catch(function () { say("The link view could not be reached; check the connection and try again."); })
            .then(function () { busy = false; });
    }

    function draw() {
        // cytoscape adds a <style> element (position: relative on its container) unless an element with this id exists; the
        // content security policy refuses inline styles, so site.css carries that rule for .graph and a marker stands in.
        if (!document.getElementById("__________cytoscape_stylesheet")) {
            var marker = document.createElement("meta");
            marker.id = "__________cytoscape_stylesheet";
            document.head.appendChild(marker);
        }
        cy = window.cytoscape({ container: container, style: style, elements: [], minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
        merge(data.view, data.page);
        cy.getElementById(data.view.start.id).addClass("start");
        cy.on("tap", "node", function (event) { expand(event.target); });
        layout();
        // For the browser tests and the console: the graph as drawn.
        window.ariadneLinkGraph = cy;
    }

    function show(open) {
        panel.hidden = !open;
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        toggle.textContent = open ? "Hide the graph" : "Show the graph";
        if (!open) { return; }
        if (!cy) {
            draw();
        } else {
            cy.resize();
            cy.fit(undefined, 30);
        }
    }

    function today() {
        var d = new Date();
        function two(n) { return (n < 10 ? "0" : "") + n; }
        return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
    }

    // The export is recorded first (a dissemination); only when the server has recorded it does the browser save the image.
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!cy) { return; }
        form.elements.namedItem("nodes").value = String(cy.nodes().length);
        say("");
        fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    return problemText(response).then(function (text) { say("Not exported: " + text); });
                }
                var blob = cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2 });
                var url = URL.createObjectURL(blob);
                var a = document.createElement("a");
                a.href = url;
                a.download = "links-" + today() + ".png";
                document.body.appendChild(a);
                a.click();
                a.remove();
                setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
            })
            .catch(function () { say("Not exported: the server could not be reached to record the export."); });
    });

    toggle.addEventListener("click", function () { show(panel.hidden); });
    section.hidden = false;
    // Wide screens see the graph at once; on a phone it waits behind the toggle and the list comes first.
    show(window.matchMedia("(min-width: 48rem)").matches);
})();
