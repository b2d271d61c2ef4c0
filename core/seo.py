"""Absolute URLs and schema.org helpers for search engines and link previews.

Each page type builds its own JSON-LD in `structured_data`; these are the parts they share.
"""

from wagtail.models import Site

from core import photos


def root_url(request):
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute(request, url):
    return url if url.startswith(("http://", "https://")) else root_url(request) + url


def image_url(request, image, role="share"):
    return absolute(request, photos.rendition(image, role).url) if image else None


def business_id(request):
    """The @id of the business object every page carries."""
    return f"{root_url(request)}/#business"


def business_ref(request, business):
    """A pointer to that object, for an article's publisher and a service's provider."""
    return {"@id": business_id(request), "name": business.business_name}


def breadcrumb_data(request, page, ancestors):
    items = [*ancestors, page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": "Home" if item.depth == 2 else item.title,
                "item": absolute(request, item.get_url(request)),
            }
            for position, item in enumerate(items, start=1)
        ],
    }


def compact(data):
    """The object without empty values, which schema.org validators flag."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}
