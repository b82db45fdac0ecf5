// A page answered to a POST is a form refused and shown again with what was typed. Putting the page's own
// GET address into this history entry makes a reload fetch the page instead of posting the form a second time.
(function () {
    var script = document.currentScript;
    if (script && script.dataset.getUrl) {
        history.replaceState(null, "", script.dataset.getUrl + location.hash);
    }
})();
