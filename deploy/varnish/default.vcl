vcl 4.1;

# The shared page cache in front of the app. What may be kept, and for how long, is the app's
# call (Cache-Control, from core/cache.py); this file adds what only the cache can do: purges,
# cookies of anonymous visitors ignored, and a stale page served while the app is down.

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Purges come from the app servers (wagtail.contrib.frontend_cache); add their addresses here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address"));
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
    if (req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    # Signed-in staff get fresh pages with their userbar; for everyone else a page is the same,
    # so their cookies (the estimate form's token, analytics) must not split the cache.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Kept on the object for purges by path; removed before delivery.
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # If the app is slow or down, a page up to a day old beats an error.
    set beresp.grace = 24h;
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
