// The estimate builder on /contact/, enhanced: the price updates as the visitor types, and each
// counter is drawn from above, to scale. Without this script "Update the price" posts the form
// and the page comes back priced (contact/builder.py). Either way the server does the sums
// (POST /estimate/price/, pricing/quote.py); this script only reads fields and shows answers.
(function () {
    "use strict";
    var form = document.querySelector("[data-estimate-form]");
    if (!form || !window.fetch) return;
    var quoteBox = form.querySelector("[data-quote]");
    var status = form.querySelector("[data-quote-status]");
    var priceUrl = form.getAttribute("data-price-url");
    var SVG = "http://www.w3.org/2000/svg";

    // What the page says when there is no price, as the template says it.
    var NOTHING_MEASURED = "Enter a counter's measurements and a stone to see an itemised range.";
    var NO_STONE = "Choose a stone with a price to see your range. Not sure yet? Send the request: we will price the stones you like.";
    var NOT_UPDATED = "The price could not be updated just now. “Update the price” below still works.";

    // ---- The fields as the endpoint's JSON: mirrors contact/builder.py. ----
    // A field's name is its path in the JSON with "-" for ".": runs-0-legs-1 is runs[0].legs[1].

    var LEG_COUNTS = { straight: 1, vanity: 1, island: 1, l: 2, u: 3 }; // pricing/quote.py SHAPES
    var MAX_RUNS = 12;
    var UNIT = /\s*(?:"|in\.?|inches)$/; // an inch mark or "in" after a measurement

    // A field's value as the form would send it: a group of radio buttons gives the checked
    // one's, or "". (Not form.elements[name]: that also finds the step with id="stone".)
    function value(name) {
        var fields = form.querySelectorAll("[name='" + name + "']");
        for (var i = 0; i < fields.length; i++) {
            if (fields[i].type !== "radio") return fields[i].value;
            if (fields[i].checked) return fields[i].value;
        }
        return "";
    }

    // builder.count: empty is none, a short whole number is a number, anything else is sent as
    // typed and the endpoint says what is wrong with it.
    function count(text) {
        text = (text || "").trim();
        if (text === "") return 0;
        return /^\d{1,3}$/.test(text) ? parseInt(text, 10) : text;
    }

    // builder.measurement: one space between words, no unit ("120  1/2 in" is "120 1/2").
    function tidy(text) {
        return text.trim().split(/\s+/).join(" ").replace(UNIT, "");
    }

    function runValue(number, key) {
        return value("runs-" + number + "-" + key);
    }

    // RunFields.shape: an unknown shape is a straight run.
    function shapeOf(number) {
        var shape = runValue(number, "shape");
        return Object.prototype.hasOwnProperty.call(LEG_COUNTS, shape) ? shape : "straight";
    }

    // RunFields.measured: any of the shape's own measurements typed (a hidden leg left over
    // from another shape does not count).
    function measured(number) {
        return [0, 1, 2].slice(0, LEG_COUNTS[shapeOf(number)]).some(function (leg) { return runValue(number, "legs-" + leg).trim() !== ""; });
    }

    // RunFields.as_json: only the shape's legs; an empty depth is left out (the shape's default).
    function runJson(number) {
        var shape = shapeOf(number);
        var legs = [];
        for (var leg = 0; leg < LEG_COUNTS[shape]; leg++) legs.push(tidy(runValue(number, "legs-" + leg)));
        var run = { shape: shape, legs: legs, exposed_ends: count(runValue(number, "exposed_ends")) };
        if (runValue(number, "depth").trim()) run.depth = tidy(runValue(number, "depth"));
        var height = runValue(number, "backsplash") || "0";
        run.backsplash = height === "full" ? tidy(runValue(number, "full_height")) : height;
        return run;
    }

    // Builder.as_json: counters with nothing typed are left out; `numbers` says which counter
    // each one sent is, to bring the endpoint's errors back to the right fields.
    function readBuilder() {
        var shown = Math.min(Math.max(parseInt(value("runs"), 10) || 1, 1), MAX_RUNS);
        var runs = [];
        var numbers = [];
        for (var number = 0; number < shown; number++) {
            if (!measured(number)) continue;
            runs.push(runJson(number));
            numbers.push(number);
        }
        var cutouts = {};
        form.querySelectorAll("[name^='cutouts-']").forEach(function (input) {
            var many = count(input.value);
            if (many) cutouts[input.name.slice("cutouts-".length)] = many;
        });
        var firstEdge = form.querySelector("[name=edge]"); // Builder.standard_edge
        return {
            numbers: numbers,
            job: {
                stone: value("stone"),
                edge: value("edge") || (firstEdge ? firstEdge.value : ""),
                runs: runs,
                cutouts: cutouts,
                tear_out: value("tear_out") || null,
                waterfalls: count(value("waterfalls"))
            }
        };
    }

    // Builder._field_for: "runs.0.legs.1" is about the first counter sent, not the first shown;
    // a full-height backsplash's height is its own field.
    function fieldIdFor(path, numbers) {
        var parts = path.split(".");
        if (parts[0] === "runs" && /^\d+$/.test(parts[1] || "")) parts[1] = String(numbers[Number(parts[1])]);
        var name = parts.join("-");
        if (parts[parts.length - 1] === "backsplash" && value(name) === "full") {
            name = name.slice(0, -"backsplash".length) + "full_height";
        }
        return "id_" + name;
    }

    // ---- Showing the answer. ----

    function element(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        (children || []).forEach(function (child) {
            node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
        });
        return node;
    }

    function dollars(amount) {
        return "$" + amount.toLocaleString("en-US");
    }

    // As Django's floatformat:"-2": whole numbers without decimals, others with two.
    function quantity(number) {
        return Number.isInteger(number) ? String(number) : number.toFixed(2);
    }

    // The same markup as templates/contact/quote_table.html.
    function quoteTable(quote) {
        var rows = quote.lines.map(function (line) {
            return element("tr", {}, [
                element("th", { scope: "row" }, [line.label]),
                element("td", {}, [quantity(line.quantity) + " " + line.unit]),
                element("td", {}, [line.high ? dollars(line.low) + " – " + dollars(line.high) : "Included"])
            ]);
        });
        var table = element("table", { "class": "quote" }, [
            element("caption", { "class": "visually-hidden" }, ["Itemised price range"]),
            element("thead", {}, [element("tr", {}, [
                element("th", { scope: "col" }, ["Item"]),
                element("th", { scope: "col" }, ["Quantity"]),
                element("th", { scope: "col" }, ["Price"])
            ])]),
            element("tbody", {}, rows),
            element("tfoot", {}, [element("tr", {}, [
                element("th", { scope: "row", colspan: "2" }, ["Estimated total"]),
                element("td", {}, [element("strong", {}, [dollars(quote.total_low) + " – " + dollars(quote.total_high)])])
            ])])
        ]);
        var note = element("p", { "class": "small" }, ["An estimate from your measurements and today's prices, installed. We confirm the price after measuring on site."]);
        return [table, note];
    }

    // The endpoint's messages, each a link to its field. A stone not chosen (or priced on
    // request) is not a mistake: the request can be sent without a price, as the page says.
    function problemList(errors, numbers) {
        var shown = [];
        var items = Object.keys(errors).filter(function (path) { return path !== "stone"; }).map(function (path) {
            var id = fieldIdFor(path, numbers);
            var field = document.getElementById(id);
            var text = errors[path];
            if (path.indexOf("runs.") === 0 && field) {
                text = "Counter " + (Number(id.split("-")[1]) + 1) + ": " + text;
            } else if (field && field.labels && field.labels.length) {
                var name = field.labels[0].firstChild.textContent.trim();
                if (name) text = name + ": " + text;
            }
            if (!field) return element("li", {}, [text]);
            var link = element("a", { href: "#" + id }, [text]);
            link.addEventListener("click", function (event) {
                event.preventDefault();
                field.focus();
            });
            return element("li", {}, [link]);
        });
        if (items.length) {
            var noun = items.length === 1 ? "this" : "these " + items.length + " things";
            shown.push(element("p", { "class": "quote-box__problem" }, ["Check " + noun + " to see your range:"]));
            shown.push(element("ul", { "class": "quote-box__problems" }, items));
        }
        if ("stone" in errors) shown.push(element("p", {}, [NO_STONE]));
        return { nodes: shown, announce: items.length ? shown[0].textContent : NO_STONE };
    }

    function show(nodes, announcement) {
        quoteBox.replaceChildren.apply(quoteBox, nodes);
        // Only what changed is read out: the total, or why there is none.
        if (status && status.textContent !== announcement) status.textContent = announcement;
    }

    // Server-rendered messages beside builder fields are out of date once the endpoint has
    // priced what is typed now.
    function clearOldFieldErrors() {
        form.querySelectorAll("#kitchen .field__error, #extras .field__error").forEach(function (note) { note.remove(); });
        form.querySelectorAll("#kitchen .field--error, #extras .field--error").forEach(function (field) {
            field.classList.remove("field--error");
        });
    }

    // ---- Asking the endpoint. ----

    var latest = 0; // only the newest answer is shown
    var lastAsked = null; // the JSON of the last answer shown: the same fields are not asked twice
    var failed = false; // after a failure "Update the price" posts the form instead

    function update() {
        clearTimeout(timer);
        var read = readBuilder();
        if (!read.job.runs.length) {
            latest++;
            lastAsked = null;
            show([element("p", {}, [NOTHING_MEASURED])], NOTHING_MEASURED);
            return;
        }
        var body = JSON.stringify(read.job);
        if (body === lastAsked) return;
        var asking = ++latest;
        quoteBox.setAttribute("aria-busy", "true");
        fetch(priceUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", "Accept": "application/json" },
            body: body,
            credentials: "same-origin"
        }).then(function (response) {
            // 429 (too many) and server errors are failures; 400 is an answer about the fields.
            if (response.status !== 200 && response.status !== 400) throw new Error(response.status);
            return response.json().then(function (data) { return { priced: response.ok, data: data }; });
        }).then(function (answer) {
            if (asking !== latest) return;
            failed = false;
            lastAsked = body;
            if (answer.priced) {
                clearOldFieldErrors();
                var total = dollars(answer.data.total_low) + " – " + dollars(answer.data.total_high);
                show(quoteTable(answer.data), "Estimated total " + total + ".");
            } else {
                var problems = problemList(answer.data.errors || {}, read.numbers);
                show(problems.nodes, problems.announce);
            }
        }).catch(function () {
            if (asking !== latest) return;
            failed = true;
            lastAsked = null;
            show([element("p", { "class": "quote-box__problem" }, [NOT_UPDATED])], NOT_UPDATED);
        }).finally(function () {
            if (asking === latest) quoteBox.removeAttribute("aria-busy");
        });
    }

    // ---- Drawing each counter from above, to scale. ----
    // Only a picture of what is typed; nothing here is priced.

    // pricing/quote.py MEASUREMENT: "120", "120.5", "120 1/2", "120-1/2" or "3/4", maybe with
    // an inch mark; up to 600 inches.
    var MEASUREMENT = /^(?:(\d{1,4}(?:\.\d{1,4})?)(?:[\s-]+(\d{1,3})\/(\d{1,3}))?|(\d{1,3})\/(\d{1,3}))\s*(?:"|in\.?|inches)?$/;
    var DEFAULT_DEPTH = { straight: "25 1/2", l: "25 1/2", u: "25 1/2", vanity: "22", island: "36" };
    var SHAPE_NAMES = { straight: "straight counter", l: "L-shape", u: "U-shape", island: "island", vanity: "vanity" };
    var BOX = { width: 240, height: 150 }; // the drawing's largest size, in the SVG's units (px)
    var MARGIN = 30; // room for the measurements around it

    function measurement(text) {
        text = (text || "").trim();
        var match = MEASUREMENT.exec(text);
        if (!match) return null;
        var inches = match[4] ? match[4] / match[5] : Number(match[1]) + (match[2] ? match[2] / match[3] : 0);
        if (!(inches > 0 && inches <= 600)) return null;
        return { inches: inches, text: tidy(text) + " in" };
    }

    // The outline (points), the walls it stands against and its measurements, in inches, with
    // the wall at the top: leg A runs down the left wall, B along the back, C down the right.
    function plan(shape, legs, depth) {
        var d = depth.inches;
        if (shape === "l" || shape === "u") {
            var a = legs[0].inches;
            var b = legs[1].inches;
            var c = shape === "u" ? legs[2].inches : 0;
            // As pricing/quote.py checks: each leg is longer than the corner it shares.
            if (a <= d || b <= (shape === "u" ? 2 * d : d) || (shape === "u" && c <= d)) return null;
            if (shape === "l") {
                return {
                    points: [[0, 0], [b, 0], [b, d], [d, d], [d, a], [0, a]],
                    walls: [[[0, 0], [b, 0]], [[0, 0], [0, a]]],
                    sizes: [
                        { side: "left", from: 0, to: a, at: 0, text: legs[0].text },
                        { side: "top", from: 0, to: b, at: 0, text: legs[1].text },
                        { side: "right", from: 0, to: d, at: b, text: depth.text }
                    ]
                };
            }
            return {
                points: [[0, 0], [b, 0], [b, c], [b - d, c], [b - d, d], [d, d], [d, a], [0, a]],
                walls: [[[0, 0], [b, 0]], [[0, 0], [0, a]], [[b, 0], [b, c]]],
                sizes: [
                    { side: "left", from: 0, to: a, at: 0, text: legs[0].text },
                    { side: "top", from: 0, to: b, at: 0, text: legs[1].text },
                    { side: "right", from: 0, to: c, at: b, text: legs[2].text, along: true },
                    { side: "bottom", from: 0, to: d, at: a, text: depth.text }
                ]
            };
        }
        var length = legs[0].inches;
        return {
            points: [[0, 0], [length, 0], [length, d], [0, d]],
            walls: shape === "island" ? [] : [[[0, 0], [length, 0]]],
            sizes: [
                { side: "top", from: 0, to: length, at: 0, text: legs[0].text },
                { side: "right", from: 0, to: d, at: length, text: depth.text }
            ],
            sink: shape === "vanity" && length > 2 * 17 ? [length / 2, d / 2] : null
        };
    }

    function svg(tag, attributes) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        return node;
    }

    function round(number) {
        return Math.round(number * 10) / 10;
    }

    // A measurement beside its side: a dimension line with end ticks, and the words.
    function dimension(size, scale) {
        var group = svg("g", { "class": "drawing__size" });
        var from = round(size.from * scale);
        var to = round(size.to * scale);
        var at = round(size.at * scale);
        var middle = round((from + to) / 2);
        var gap = 12;
        var line;
        var text;
        if (size.side === "top" || size.side === "bottom") {
            var y = size.side === "top" ? at - gap : at + gap;
            line = [from, y, to, y, 0, 4];
            text = svg("text", { x: middle, y: size.side === "top" ? y - 5 : y + 14, "text-anchor": "middle" });
        } else if (size.side === "left" || size.along) {
            var x = size.side === "left" ? at - gap : at + gap;
            line = [x, from, x, to, 4, 0];
            var textX = size.side === "left" ? x - 5 : x + 5;
            text = svg("text", {
                x: textX, y: middle, "text-anchor": "middle",
                transform: "rotate(" + (size.side === "left" ? -90 : 90) + " " + textX + " " + middle + ")"
            });
        } else { // a depth at the open end: the words read across
            var endX = at + gap;
            line = [endX, from, endX, to, 4, 0];
            text = svg("text", { x: endX + 6, y: middle, "dominant-baseline": "middle" });
        }
        group.appendChild(svg("line", { x1: line[0], y1: line[1], x2: line[2], y2: line[3] }));
        [[line[0], line[1]], [line[2], line[3]]].forEach(function (end) {
            group.appendChild(svg("line", { x1: end[0] - line[4], y1: end[1] - line[5], x2: end[0] + line[4], y2: end[1] + line[5] }));
        });
        text.textContent = size.text;
        group.appendChild(text);
        return group;
    }

    function draw(run) {
        var holder = run.querySelector("[data-drawing]");
        if (!holder) return;
        var number = Number(run.getAttribute("data-run"));
        var shape = shapeOf(number);
        var legs = [];
        for (var leg = 0; leg < LEG_COUNTS[shape]; leg++) legs.push(measurement(runValue(number, "legs-" + leg)));
        var depth = runValue(number, "depth").trim() ? measurement(runValue(number, "depth")) : measurement(DEFAULT_DEPTH[shape]);
        var drawn = legs.every(Boolean) && depth ? plan(shape, legs, depth) : null;
        if (!drawn) {
            holder.hidden = true;
            holder.replaceChildren();
            return;
        }
        var width = Math.max.apply(null, drawn.points.map(function (point) { return point[0]; }));
        var height = Math.max.apply(null, drawn.points.map(function (point) { return point[1]; }));
        var scale = Math.min(BOX.width / width, BOX.height / height);
        // The depth at an open end is written across, so it needs more room on the right.
        var right = drawn.sizes.some(function (size) { return size.side === "right" && !size.along; }) ? 80 : MARGIN;
        var bottom = drawn.sizes.some(function (size) { return size.side === "bottom"; }) ? MARGIN : 8;
        var viewWidth = round(width * scale + MARGIN + right);
        var viewHeight = round(height * scale + MARGIN + bottom);
        var words = drawn.sizes.map(function (size, index) {
            var names = { l: ["leg A", "leg B", "depth"], u: ["leg A", "back wall B", "leg C", "depth"], island: ["length", "width"] };
            return (names[shape] || ["length", "depth"])[index] + " " + size.text;
        });
        var picture = svg("svg", {
            viewBox: [-MARGIN, -MARGIN, viewWidth, viewHeight].join(" "),
            width: viewWidth,
            height: viewHeight,
            role: "img",
            "aria-label": "Counter " + (number + 1) + " from above: " + SHAPE_NAMES[shape] + ", " + words.join(", ") + "."
        });
        picture.appendChild(svg("polygon", {
            "class": "drawing__stone",
            points: drawn.points.map(function (point) { return round(point[0] * scale) + "," + round(point[1] * scale); }).join(" ")
        }));
        drawn.walls.forEach(function (wall) {
            picture.appendChild(svg("line", {
                "class": "drawing__wall",
                x1: round(wall[0][0] * scale), y1: round(wall[0][1] * scale),
                x2: round(wall[1][0] * scale), y2: round(wall[1][1] * scale)
            }));
        });
        if (drawn.sink) {
            picture.appendChild(svg("ellipse", {
                "class": "drawing__sink",
                cx: round(drawn.sink[0] * scale), cy: round(drawn.sink[1] * scale),
                rx: round(8.5 * scale), ry: round(Math.min(6, depth.inches / 3) * scale)
            }));
        }
        drawn.sizes.forEach(function (size) { picture.appendChild(dimension(size, scale)); });
        holder.replaceChildren(picture);
        holder.hidden = false;
    }

    // ---- Listening. ----

    function isBuilderField(field) {
        var name = field.name || "";
        return ["stone", "edge", "tear_out", "waterfalls"].indexOf(name) !== -1 ||
            name.indexOf("runs-") === 0 || name.indexOf("cutouts-") === 0;
    }

    var timer;
    function changed(event) {
        if (!isBuilderField(event.target)) return;
        var run = event.target.closest("[data-run]");
        if (run) draw(run);
        clearTimeout(timer);
        timer = setTimeout(update, 300);
    }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);

    // "Update the price" (and Enter in a field, which presses the hidden copy of it at the top)
    // asks the endpoint instead of reloading the page, unless asking has just failed.
    form.addEventListener("submit", function (event) {
        var button = event.submitter;
        if (!button || button.name !== "builder" || button.value !== "price" || failed) return;
        event.preventDefault();
        lastAsked = null;
        update();
    });

    form.querySelectorAll("[data-run]").forEach(draw);
})();
