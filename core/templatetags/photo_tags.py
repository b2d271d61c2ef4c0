from django import template

from core import photos

register = template.Library()


@register.simple_tag
def photo(image, role):
    """`<picture>` for `image` in a role from core/photos.py, e.g. "card"; "" without an image."""
    return photos.picture(image, role) if image else ""


@register.simple_tag
def lightbox_url(image):
    """The large photo the gallery's lightbox opens."""
    return photos.rendition(image, "lightbox").url
