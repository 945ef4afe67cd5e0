/// The app pages' one script, `/app/app.js`: live updates, the editor's line numbers, and
/// moving the cursor to a finding. The pages work without it; the built guides never get it.
///
/// Live updates: the page listens to `/events` (server-sent events). When its guide (or the
/// project) changes, it fetches itself again and replaces its `#live` part, so it is up to date
/// without a reload; the editor's own text is replaced only while it holds no unsaved typing.
enum AppScript {
    static let javascript = #"""
        "use strict";
        (function () {
          var body = document.body;
          var page = body.getAttribute("data-page");
          var slug = body.getAttribute("data-slug");
          var source = document.getElementById("source");
          var opened = source ? source.value : null;
          window.waymarkPreview = { updates: 0, events: 0 };

          function announce(text) {
            var status = document.getElementById("status");
            if (!status) { return; }
            status.textContent = text;
            window.clearTimeout(announce.timer);
            announce.timer = window.setTimeout(function () { status.textContent = ""; }, 4000);
          }

          // Line numbers beside the text box, kept in step with its lines and its scrolling.
          function numberLines(box) {
            var gutter = box.parentNode.querySelector(".gutter");
            if (!gutter) { return; }
            function update() {
              var count = box.value.split("\n").length;
              var lines = [];
              for (var i = 1; i <= count; i++) { lines.push(i); }
              gutter.textContent = lines.join("\n") + "\n";
              gutter.scrollTop = box.scrollTop;
            }
            box.addEventListener("input", update);
            box.addEventListener("scroll", function () { gutter.scrollTop = box.scrollTop; });
            update();
          }

          // Moves the cursor to a line and column (columns count characters, as the findings do).
          function moveTo(box, line, column) {
            var lines = box.value.split("\n");
            var offset = 0;
            for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
            var text = lines[Math.min(line, lines.length) - 1] || "";
            var characters = Array.from(text).slice(0, Math.max(column - 1, 0)).join("");
            offset += Math.min(characters.length, text.length);
            box.focus();
            box.setSelectionRange(offset, offset);
            box.scrollIntoView({ block: "nearest" });
            var style = window.getComputedStyle(box);
            var height = parseFloat(style.lineHeight) || 20;
            box.scrollTop = Math.max(0, (line - 1) * height - box.clientHeight / 3);
            announce("Line " + line + ", column " + column);
          }

          document.querySelectorAll(".code textarea").forEach(numberLines);

          document.addEventListener("click", function (event) {
            var target = event.target.closest ? event.target.closest(".goto") : null;
            if (!target || !source) { return; }
            event.preventDefault();
            moveTo(source, parseInt(target.getAttribute("data-line"), 10) || 1, parseInt(target.getAttribute("data-column"), 10) || 1);
          });

          if (source) {
            var line = parseInt(source.getAttribute("data-line"), 10);
            if (line) { moveTo(source, line, parseInt(source.getAttribute("data-column"), 10) || 1); }
            var form = source.form;
            document.addEventListener("keydown", function (event) {
              if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "S") && form) {
                event.preventDefault();
                form.requestSubmit ? form.requestSubmit() : form.submit();
              }
            });
          }

          // Fetches the page again and puts its new live part in place of the old one.
          function refresh() {
            return fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
              .then(function (response) { return response.ok ? response.text() : null; })
              .then(function (html) {
                if (html === null) { return; }
                var fresh = new DOMParser().parseFromString(html, "text/html");
                var live = document.getElementById("live");
                var replacement = fresh.getElementById("live");
                if (live && replacement) { live.innerHTML = replacement.innerHTML; }
                if (page === "editor" && source) {
                  var newSource = fresh.getElementById("source");
                  var newVersion = fresh.getElementById("version");
                  var version = document.getElementById("version");
                  var changed = document.getElementById("changed");
                  if (newSource && newVersion && version && newVersion.value !== version.value) {
                    if (source.value === opened) {
                      var place = source.selectionStart;
                      source.value = newSource.value;
                      opened = source.value;
                      version.value = newVersion.value;
                      source.setSelectionRange(Math.min(place, source.value.length), Math.min(place, source.value.length));
                      source.dispatchEvent(new Event("input"));
                      if (changed) { changed.hidden = true; }
                      announce("The guide changed on disk: the text and findings are up to date.");
                    } else if (changed) {
                      changed.hidden = false;
                    }
                  }
                }
                if (page === "formats") {
                  document.querySelectorAll("iframe").forEach(function (frame) { frame.src = frame.src; });
                }
                window.waymarkPreview.updates += 1;
                if (page !== "editor") { announce("Updated just now."); }
              })
              .catch(function () {});
          }

          if (window.EventSource && page && page !== "form") {
            var events = new EventSource("/events");
            events.addEventListener("change", function (message) {
              var change;
              try { change = JSON.parse(message.data); } catch (error) { return; }
              window.waymarkPreview.events += 1;
              var ours = !change.slug || !slug || change.slug === slug;
              if (!ours) { return; }
              if (page === "formats" && change.kind === "check") { return; }
              refresh();
            });
          }
        })();

        """#
}
