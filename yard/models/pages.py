"""/slabs/: the yard's page, which lists the slabs in stock and gives each its own page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from core import seo
from core.models import BasePage
from core.photos import rendition
from materials.models import MaterialIndexPage
from yard import emails
from yard.filters import SlabFilters
from yard.models.snippets import Slab, SlabPhoto
from yard.views import hold_form

# Every size a slab's photo is shown in: the list's card, the slab's own page, its small
# photos there, the full-size view and link previews.
SLAB_PHOTO_ROLES = ["card", "slab", "thumbnail", "lightbox", "share"]


class SlabYardPage(RoutablePageMixin, BasePage):
    """/slabs/: the slabs and remnants in stock, filtered by what a visitor needs, each with
    its own page (/slabs/12-absolute-black-granite-remnant/) and a form to hold it."""

    slabs_per_page = 24

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "slab yard page"

    def slab_url(self, slab, request=None):
        return self.get_url(request) + self.reverse_subpage("slab", args=[slab.pk, slab.slug])

    def hold_url(self, slab, request=None):
        return self.get_url(request) + self.reverse_subpage("hold", args=[slab.pk, slab.slug])

    @path("")
    def index(self, request):
        filters = SlabFilters(request.GET)
        slabs = filters.apply(Slab.objects.in_stock().for_listing())
        page = Paginator(slabs, self.slabs_per_page).get_page(request.GET.get("page"))
        self.add_urls(page, request)
        return self.render(request, context_overrides={"filters": filters, "slabs": page})

    @re_path(r"^(\d+)-([-\w]+)/$", name="slab")
    def slab(self, request, pk, slug):
        slab = self.find_slab(request, pk)
        if not isinstance(slab, Slab):
            return slab
        if slug != slab.slug:  # the colour or stone was renamed since the link was made
            return redirect(self.slab_url(slab, request), permanent=True)
        request.yard_slab = slab
        context = {"slab": slab, "hold_url": self.hold_url(slab, request),
                   "hold_hours": settings.SLAB_HOLD_HOURS}  # fmt: skip
        return self.render(request, context_overrides=context, template="yard/slab_page.html")

    @re_path(r"^(\d+)-([-\w]+)/hold/$", name="hold")
    def hold(self, request, pk, slug):
        if request.method == "POST":  # sold since the form was opened: still stored
            slab = Slab.objects.for_listing().filter(pk=pk).first()
            if slab is None:
                raise Http404
            return hold_form(request, self, slab)
        slab = self.find_slab(request, pk)
        if not isinstance(slab, Slab):
            return slab
        return hold_form(request, self, slab)

    def add_urls(self, slabs, request):
        """Each slab's address, for its card."""
        for slab in slabs:
            slab.url = self.slab_url(slab, request)

    def find_slab(self, request, pk):
        """The slab in stock, or the page saying it was sold (410), or 404."""
        slab = Slab.objects.in_stock().for_listing().filter(pk=pk).first()
        if slab is not None:
            return slab
        sold = Slab.objects.filter(pk=pk).select_related("material").first()
        if sold is None:
            raise Http404
        others = Slab.objects.in_stock().for_listing().filter(material=sold.material_id)[:3]
        self.add_urls(others, request)
        context = {**self.get_context(request), "slab": sold, "others": others}
        return TemplateResponse(request, "yard/slab_sold.html", context, status=410)

    def lead_emails(self, lead):
        """The emails about a hold asked for here (contact/tasks.py sends them)."""
        return emails.lead_emails(lead, self)

    def get_cached_paths(self):
        """Every slab's page too, so that a change to every page (the phone number, a stone)
        reaches them."""
        slabs = Slab.objects.in_stock().select_related("material").order_by("pk")
        return ["/", *(self.reverse_subpage("slab", args=[s.pk, s.slug]) for s in slabs)]

    def purge_set(self):
        """The yard's addresses, and the materials page, which counts what is in stock."""
        return [*super().purge_set(), *MaterialIndexPage.objects.live()]

    def photo_roles(self):
        photos = super().photo_roles()
        in_stock = SlabPhoto.objects.filter(slab__in=Slab.objects.in_stock())
        for photo in in_stock.select_related("image"):
            photos.append((photo.image, SLAB_PHOTO_ROLES))
        return photos

    def share_photo(self, request):
        slab = getattr(request, "yard_slab", None)
        return (slab and slab.first_photo) or super().share_photo(request)

    def structured_data(self, request):
        data = super().structured_data(request)
        slab = getattr(request, "yard_slab", None)
        if slab is not None:
            data.append(slab_product(request, slab, self.slab_url(slab, request)))
        return data


def slab_product(request, slab, url):
    """schema.org Product with its Offer: in stock, or limited while someone holds it."""
    availability = "LimitedAvailability" if slab.is_held else "InStock"
    offer = {
        "@type": "Offer",
        "url": seo.absolute(request, url),
        "availability": f"https://schema.org/{availability}",
        "itemCondition": "https://schema.org/NewCondition",
    }
    if slab.is_remnant and slab.price is not None:
        offer.update(price=str(slab.price), priceCurrency="USD")
    product = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": f"{slab.name} {slab.kind_name}",
        "description": (
            f"{slab.get_kind_display()} of {slab.name}, {slab.size}, "
            f"{slab.get_thickness_display()}, {slab.get_finish_display().lower()}."
        ),
        "sku": slab.lot or str(slab.pk),
        "material": slab.material.name,
        "color": slab.colour,
        "image": [
            seo.absolute(request, rendition(photo.image, "lightbox").url)
            for photo in slab.photo_list
        ],
        "offers": offer,
    }
    return seo.compact(product)
