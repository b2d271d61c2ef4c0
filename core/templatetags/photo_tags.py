from django import template
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found

from core.photos import LIGHTBOX, PHONE, PHOTO_ROLES

register = template.Library()


@register.simple_tag
def photo(image, role):
    """`<picture>` for `image` in a role from core/photos.py, e.g. "card"; "" without an image."""
    if not image:
        return ""
    spec = PHOTO_ROLES[role]
    renditions = get_renditions_or_not_found(image, [Filter(each) for each in spec.filter_specs])
    phone = {key: renditions.pop(key) for key in spec.phone_filter_specs}
    picture = Picture(renditions, {"sizes": spec.sizes, **spec.attrs})
    if not phone:
        return picture
    # The browser takes the first <source> that matches: the phone crop's come first.
    return mark_safe(str(picture).replace("<picture>", "<picture>" + phone_sources(phone, spec), 1))


def phone_sources(renditions, spec):
    formats = Picture(renditions).formats
    first = next(iter(renditions.values()))
    return "".join(
        "<source{}>".format(
            flatatt(
                {
                    "media": PHONE,
                    "sizes": spec.sizes,
                    "srcset": Picture.get_width_srcset(formats[kind.name]),
                    "type": kind.mime_type,
                    # The crop's shape, which differs from the <img>'s.
                    "width": first.width,
                    "height": first.height,
                }
            )
        )
        for kind in Picture.source_format_order
        if kind.name in formats
    )


@register.simple_tag
def lightbox_url(image):
    """The large photo the gallery's lightbox opens."""
    return get_rendition_or_not_found(image, LIGHTBOX).url
