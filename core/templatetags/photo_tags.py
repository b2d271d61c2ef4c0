from django import template
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found

from core.photos import LIGHTBOX, PHOTO_ROLES

register = template.Library()


@register.simple_tag
def photo(image, role):
    """`<picture>` for `image` in a role from core/photos.py, e.g. "card"; "" without an image."""
    if not image:
        return ""
    spec = PHOTO_ROLES[role]
    filters = [Filter(each) for each in spec.filter_specs]
    return Picture(get_renditions_or_not_found(image, filters), {"sizes": spec.sizes, **spec.attrs})


@register.simple_tag
def lightbox_url(image):
    """The large photo the gallery's lightbox opens."""
    return get_rendition_or_not_found(image, LIGHTBOX).url
