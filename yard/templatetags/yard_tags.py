"""What other pages show of the yard: how many slabs and remnants of a stone are in stock."""

from django import template
from django.db.models import Count

from core.templatetags.site_tags import top_page
from yard.models import Slab

register = template.Library()


@register.simple_tag(takes_context=True)
def stone_stock(context, material):
    """{"slabs": n, "remnants": n, "url": the yard filtered to this stone}, or None when the
    yard has no page. Counted once per request for every stone."""
    request = context["request"]
    if not hasattr(request, "_stone_stock"):
        yard = top_page(context, "yard.SlabYardPage")  # from the cached list of top pages
        counts = (
            Slab.objects.in_stock()
            .values_list("material", "kind")
            .order_by("material", "kind")
            .annotate(count=Count("pk"))
        )
        request._stone_stock = (yard.get_url(request) if yard else None, {
            (stone, kind): count for stone, kind, count in counts
        })  # fmt: skip
    url, counts = request._stone_stock
    if url is None:
        return None
    return {
        "slabs": counts.get((material.pk, Slab.Kind.SLAB), 0),
        "remnants": counts.get((material.pk, Slab.Kind.REMNANT), 0),
        "url": f"{url}?stone={material.slug}",
    }
