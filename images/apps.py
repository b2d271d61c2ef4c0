from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"

    def ready(self):
        from wagtail.images.models import ResponsiveImage

        ResponsiveImage.get_width_srcset = classmethod(unique_width_srcset)


def unique_width_srcset(cls, renditions):
    """One candidate per width in `srcset`, as HTML requires.

    A photo narrower than the largest size asked for comes back at its own width more than
    once, e.g. fill-800x600 and fill-1280x720 of a 700 px upload. Wagtail's {% picture %}
    lists both with the same "700w", which browsers drop and validators reject
    (wagtail/wagtail#12389; remove this once Wagtail ships the fix).
    """
    if len(renditions) == 1:
        return renditions[0].url  # one size asked for: no `sizes`, no descriptor (as Wagtail)
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    # Several sizes were asked for, so `sizes` may be set and every candidate needs a width.
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in by_width.values())
