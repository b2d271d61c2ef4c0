"""What the business does: kitchens, bathrooms, outdoor kitchens, repairs."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from core import navigation, seo
from core.blocks import PageBodyBlock
from core.models import BasePage
from site_settings.models import BusinessSettings


class ServiceIndexPage(BasePage):
    """/services/: every service the business offers."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServicePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            navigation.public(ServicePage.objects.child_of(self).live())
            .select_related("hero_image")
            .defer_streamfields()
        )
        return context


class ServicePage(BasePage):
    """One service, e.g. kitchen countertops: what it involves, which stones, questions asked."""

    summary = models.CharField(max_length=200, help_text="One sentence shown on cards and lists.")
    body = StreamField(
        PageBodyBlock(),
        blank=True,
        help_text="What the service involves, step by step. Add blocks with the + button.",
    )
    materials = ParentalManyToManyField(
        "materials.Material",
        blank=True,
        related_name="services",
        help_text="Stones offered for this service.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("materials", widget=forms.CheckboxSelectMultiple),
    ]
    photo_panels = BasePage.photo_panels + [
        InlinePanel("photos", label="Photos", heading="Photos of this kind of job"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_materials"] = self.materials.select_related("image")
        context["service_photos"] = self.photos.select_related("image")
        return context

    def photo_roles(self):
        photos = super().photo_roles()
        photos += [(photo.image, ["tile"]) for photo in self.photos.select_related("image")]
        return photos

    def structured_data(self, request):
        business = BusinessSettings.for_request(request)
        service = {
            "@context": "https://schema.org",
            "@type": "Service",
            "name": self.title,
            "description": self.summary,
            "provider": seo.business_ref(request, business),
            "areaServed": business.service_area or None,
            "image": seo.image_url(request, self.hero_image),
            "url": seo.absolute(request, self.get_url(request)),
        }
        return [*super().structured_data(request), seo.compact(service)]


class ServicePhoto(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "images.CustomImage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A photo of this kind of job.",
    )
    caption = models.CharField(
        max_length=200, blank=True, help_text="Optional: a few words under the photo."
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]
