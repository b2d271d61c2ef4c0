"""The home page, general pages (about, FAQ, privacy) and customer testimonials."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from blog.models import ArticlePage
from core import navigation
from core.blocks import PageBodyBlock
from core.models import BasePage
from gallery.models import GalleryPage, GalleryPhoto
from services.models import ServicePage


class Testimonial(models.Model):
    """What a customer said about a job, shown on the home page."""

    quote = models.TextField(
        max_length=600, help_text="What the customer said, in their words. No quotation marks."
    )
    name = models.CharField(max_length=80, help_text="As the customer agreed to be named.")
    location = models.CharField(
        max_length=120, blank=True, help_text="Optional: the town, e.g. 'Marietta'."
    )
    project = models.CharField(max_length=120, blank=True, help_text="e.g. 'Kitchen, granite'.")
    show_on_home_page = models.BooleanField(
        default=True, help_text="Untick to keep this testimonial off the home page."
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are shown first."
    )

    panels = [
        FieldPanel("quote"),
        FieldPanel("name"),
        FieldPanel("location"),
        FieldPanel("project"),
        FieldPanel("show_on_home_page"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.name}: {self.quote[:40]}"


register_snippet(Testimonial)


class HomePage(BasePage):
    """The site root: the first impression, the main ways to get in touch, and the best work."""

    headline = models.CharField(
        max_length=120,
        blank=True,
        help_text="The big line over the photo. Leave empty to use the title.",
    )
    gallery_count = 6
    testimonial_count = 3

    content_panels = BasePage.content_panels + [
        FieldPanel("headline"),
        InlinePanel("featured_services", label="Featured service", max_num=6),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("headline")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "services.ServiceIndexPage",
        "materials.MaterialIndexPage",
        "pricing.EdgeProfilesPage",
        "gallery.GalleryPage",
        "blog.BlogIndexPage",
        "contact.ContactPage",
        "yard.SlabYardPage",
        "home.StandardPage",
    ]
    max_count = 1

    def photo_roles(self):
        # Its photo behind the headline, in link previews, and beside it in search results.
        return [(self.hero_image, ["home-hero", "share", "thumbnail"])] if self.hero_image else []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only what a visitor may open: live pages that are not behind a password.
        context["featured_services"] = [
            item.service
            for item in self.featured_services.filter(
                service__in=navigation.public(ServicePage.objects.live())
            ).select_related("service", "service__hero_image")
        ]
        context["gallery_photos"] = (
            GalleryPhoto.objects.filter(
                page__in=navigation.public(GalleryPage.objects.live().descendant_of(self))
            )
            .select_related("image", "material", "page")
            .order_by("page", "sort_order")[: self.gallery_count]
        )
        context["latest_articles"] = latest = list(
            navigation.public(ArticlePage.objects.live().descendant_of(self))
            .select_related("hero_image")
            .defer_streamfields()
            .order_by("-date", "-pk")[:3]
        )
        # From the menu lookup; None when the blog is unpublished but its articles are not.
        context["articles_index"] = navigation.section_of(latest[0], request) if latest else None
        context["testimonials"] = Testimonial.objects.filter(show_on_home_page=True)[
            : self.testimonial_count
        ]
        return context


class HomeFeaturedService(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_services")
    service = models.ForeignKey(
        "services.ServicePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A service page to show as a card on the home page.",
    )

    panels = [FieldPanel("service")]


class StandardPage(BasePage):
    """A general page such as About, FAQ or Privacy."""

    body = StreamField(
        PageBodyBlock(),
        blank=True,
        help_text="The main text. Add headings, paragraphs, photos and questions as blocks.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
