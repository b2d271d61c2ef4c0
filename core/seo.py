"""Structured data (schema.org JSON-LD) and absolute URLs for search engines and sharing."""

from django.templatetags.static import static
from wagtail.models import Site

DAY_URL = "https://schema.org/{}"


def root_url(request):
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute(request, url):
    return url if url.startswith(("http://", "https://")) else root_url(request) + url


def image_url(request, image, spec="fill-1200x630"):
    return absolute(request, image.get_rendition(spec).url) if image else None


def business_data(request, business, photo_url=""):
    base = root_url(request)
    logo = (
        image_url(request, business.logo, "height-120")
        if business.logo
        else absolute(request, static("img/logo.png"))
    )
    data = {
        "@context": "https://schema.org",
        "@type": "HomeAndConstructionBusiness",
        "@id": f"{base}/#business",
        "name": business.business_name,
        "url": f"{base}/",
        "telephone": business.phone_href.removeprefix("tel:") or business.phone,
        "email": business.email or None,
        "areaServed": business.service_area or None,
        "sameAs": [link.value["url"] for link in business.social_links] or None,
        "logo": logo,
        "image": photo_url or logo,
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": DAY_URL.format(day["label"]),
                "opens": day["opens"].strftime("%H:%M"),
                "closes": day["closes"].strftime("%H:%M"),
            }
            for day in business.hours
            if day["opens"]
        ]
        or None,
    }
    if business.street_address or business.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": business.street_address,
            "addressLocality": business.city,
            "addressRegion": business.region,
            "postalCode": business.postal_code,
            "addressCountry": "US",
        }
    return _compact(data)


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


def article_data(request, article, business):
    base = root_url(request)
    author_type = "Organization" if article.author == business.business_name else "Person"
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title[:110],
            "description": article.meta_description or None,
            "datePublished": article.date.isoformat(),
            "dateModified": article.last_published_at and article.last_published_at.isoformat(),
            "author": {"@type": author_type, "name": article.author},
            "publisher": {"@id": f"{base}/#business", "name": business.business_name},
            "image": image_url(request, article.hero_image),
            "mainEntityOfPage": absolute(request, article.get_url(request)),
        }
    )


def service_data(request, service, business):
    base = root_url(request)
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Service",
            "name": service.title,
            "description": service.summary,
            "provider": {"@id": f"{base}/#business", "name": business.business_name},
            "areaServed": business.service_area or None,
            "image": image_url(request, service.hero_image),
            "url": absolute(request, service.get_url(request)),
        }
    )


def gallery_data(request, gallery, photos):
    """The photos on this page of the gallery, as the lightbox shows them."""
    images = []
    for photo in photos:
        rendition = photo.image.get_rendition("width-1600")
        images.append(
            {
                "@type": "ImageObject",
                "contentUrl": absolute(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "caption": photo.caption,
            }
        )
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": gallery.title,
            "description": gallery.meta_description or None,
            "url": absolute(request, gallery.get_url(request)),
            "image": images,
        }
    )


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}
