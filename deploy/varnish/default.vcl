vcl 4.1;

# The shared page cache in front of the app. What may be kept, and for how long, is the app's
# call (Cache-Control, from core/cache.py); this file adds what only the cache can do: purges,
# staff kept out of the cache, and a stale page served while the app is down.
#
# Start varnishd with two listeners: visitors' traffic (from nginx) and a "purge" one that only
# the app servers reach, e.g. -a 127.0.0.1:6081 -a purge=127.0.0.1:6082 (FRONTEND_CACHE_URL),
# as deploy/systemd/varnish.service.d/lm-granite.conf does.

import std;

# nginx's balancer (deploy/nginx/lm-granite.conf), which spreads requests over the app servers
# and retries a failed one on another.
backend app {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 2s;
    # Longer than the balancer's two tries of 30 s each (deploy/nginx/lm-granite.conf).
    .first_byte_timeout = 65s;
}

# The app servers' addresses, for the purge listener. A second app server's private address
# goes here too (docs/deployment.md).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        # Visitors arrive through the proxy from 127.0.0.1 too: the listener tells them apart.
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed here"));
        }
        # A purge of /gallery/ also drops /gallery/?material=marble and the other variants.
        # (The path is compared as it is: quotes would become part of the value.)
        if (!std.ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(400, std.ban_error()));
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/") {
        return (pass);
    }
    # Signed-in staff get fresh pages with their userbar. Everyone else's cookies are sent on
    # (the estimate form keeps its token) but do not split the cache: pages the app marks
    # public are the same for every visitor and carry no Vary: Cookie.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    # The redirect to https and the page itself must not share a cache entry.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # Kept on the object for purges by path; removed before delivery.
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # If the app is slow or down, a page up to a day old beats an error.
    set beresp.grace = 24h;
    # The whole answer is fetched before the visitor gets any of it: an app server that dies
    # half-way through a page then costs a second try (vcl_backend_error), not a cut-off page
    # under a 200 already sent. Pages are small; documents (any size) still stream.
    if (bereq.url !~ "^/documents/") {
        set beresp.do_stream = false;
    }
}

sub vcl_backend_error {
    # The balancer could not be reached, or its answer broke off: a GET or HEAD is asked once
    # more (the balancer then picks a live app server). A POST is never sent twice.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 1) {
        return (retry);
    }
    # Instead of Varnish's own error page: what the app's 503 page (templates/503.html) says.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";  # as core/errors.py
    set beresp.http.Cache-Control = "no-store";
    if (bereq.method == "POST") {
        set beresp.http.x-said = {"<p><strong>We could not confirm that what you sent was saved.</strong> Please go back: your browser keeps what you typed. Then send it again in a minute. If it reaches us twice, we will see that it is the same request.</p>"};
    } else {
        set beresp.http.x-said = "<p>Please try again in a minute.</p>";
    }
    synthetic({"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Back in a moment - L&amp;M Granite and Marble</title>
</head>
<body>
<main>
<h1>Sorry, we are back in a moment</h1>
"} + beresp.http.x-said + {"
</main>
</body>
</html>
"});
    unset beresp.http.x-said;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
